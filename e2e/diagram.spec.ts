/**
 * Seeing a whole network: Fit keeps every template readable, stages fold into labelled boxes,
 * the flow turns left to right, both are kept in the file, wires go around cards with their labels
 * off the cards, and a residual block shows its shortcut.
 */
import { api, openApp, screenshot, waitForAnalysis } from './helpers/app.ts';
import { loadTemplate, openFromBrowser, saveAs } from './helpers/designer.ts';
import { expect, test } from './helpers/test.ts';
import type { Page } from '@playwright/test';

/** Smallest text on screen we call readable, in CSS pixels. */
const READABLE_PX = 9;

/** The smallest on-screen size of the card titles and shapes (font size × zoom). */
async function smallestLabelPx(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    const t = document.querySelector('.react-flow__viewport').style.transform;
    const zoom = Number(/scale\\(([\\d.]+)\\)/.exec(t)[1]);
    const labels = document.querySelectorAll(
      '.layer-card__ctype, .layer-card__cshape, .layer-card__type, .layer-card__shape',
    );
    let min = Infinity;
    for (const el of labels) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) * zoom);
    return min;
  })()`);
}

/** Cards whose box sticks out of the visible canvas. */
async function cardsOutside(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const c = document.querySelector('.canvas').getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node')].flatMap((n) => {
      const r = n.getBoundingClientRect();
      const inside = r.left >= c.left - 1 && r.right <= c.right + 1 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1;
      return inside ? [] : [n.getAttribute('data-id')];
    });
  })()`);
}

test('Fit shows every template whole with readable labels at 1440×900', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(240_000);
  await openApp(page, appUrl);
  const templates = await api<{ id: string }[]>(page, 'templates:list');
  expect(templates.length).toBeGreaterThan(10);
  for (const { id } of templates) {
    await loadTemplate(page, id);
    await page.getByTestId('cmd-fit').click();
    await expect.poll(() => cardsOutside(page), { message: id }).toEqual([]);
    // Every card has its labels (none drawn as a bare block), and the smallest is readable.
    await expect(page.locator('.layer-card.is-tiny'), id).toHaveCount(0);
    expect(await smallestLabelPx(page), `${id}: smallest label`).toBeGreaterThanOrEqual(
      READABLE_PX,
    );
  }
});

test('stages fold into boxes with their totals; direction and folds are kept in the file', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  await loadTemplate(page, 'resnet50');
  const cards = page.locator('.react-flow__node');
  const all = await cards.count();

  await page.getByTestId('cmd-diagram').click();
  await page.getByTestId('fold-all').click();
  const layer3 = page.getByTestId('stage-layer3');
  await expect(layer3).toBeVisible();
  await expect(cards).not.toHaveCount(all);
  await page.getByTestId('cmd-fit').click();
  await expect.poll(() => cardsOutside(page)).toEqual([]);
  // Six bottleneck blocks, 14×14×1024 out; zoomed out the box is compact but still says so.
  await expect(layer3).toContainText('14×14×1024');
  await expect(layer3).toContainText('6');
  await screenshot(page, 'folded-stages');

  await page.getByTestId('cmd-diagram').click();
  await page.getByTestId('layout-right').click();
  const x = async (id: string) => (await page.getByTestId(id).boundingBox())!.x;
  await expect.poll(async () => (await x('stage-layer2')) > (await x('stage-layer1'))).toBe(true);

  await saveAs(page, 'folded.netd.json');
  await loadTemplate(page, 'lenet5');
  await openFromBrowser(page, 'folded.netd.json');
  await expect(page.getByTestId('stage-layer3')).toBeVisible();
  await expect.poll(async () => (await x('stage-layer4')) > (await x('stage-layer3'))).toBe(true);

  // Unfolding one stage shows its blocks again.
  await page.getByTestId('cmd-diagram').click();
  await page.getByTestId('fold-layer3').click();
  await expect(page.getByTestId('stage-layer3')).toHaveCount(0);
  await expect(page.getByTestId('node-layer3.5')).toBeVisible();
});

test('a residual block shows whether its shortcut is identity or a projection', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  await loadTemplate(page, 'resnet18');
  await expect(page.getByTestId('node-layer1.0').getByTestId('shortcut-mark')).toHaveAttribute(
    'data-kind',
    'identity',
  );
  await expect(page.getByTestId('node-layer2.0').getByTestId('shortcut-mark')).toHaveAttribute(
    'data-kind',
    'projection',
  );
});

test('wires go around the cards they skip, and their labels never cover a card', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  await loadTemplate(page, 'resnet18');
  await page.getByRole('button', { name: /Expand all \d+ blocks/ }).click();
  await expect(page.getByRole('button', { name: /Expand all \d+ blocks/ })).toHaveCount(0);
  await waitForAnalysis(page);
  // Zoomed in far enough for full cards and wire labels.
  for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect(page.locator('.react-flow__edge-text').first()).toBeAttached();
  const problems = await page.evaluate(`(() => {
    const cards = [...document.querySelectorAll('.react-flow__node')].map((n) => ({
      id: n.getAttribute('data-id'),
      r: n.getBoundingClientRect(),
    }));
    const inside = (p, r, m) => p.x > r.left + m && p.x < r.right - m && p.y > r.top + m && p.y < r.bottom - m;
    const out = [];
    for (const e of document.querySelectorAll('.react-flow__edge')) {
      const [source, target] = e.getAttribute('data-id').split('->');
      const path = e.querySelector('.react-flow__edge-path');
      const m = path.getScreenCTM();
      const len = path.getTotalLength();
      for (let d = 0; d <= len; d += 4) {
        const q = path.getPointAtLength(d);
        const p = { x: m.a * q.x + m.c * q.y + m.e, y: m.b * q.x + m.d * q.y + m.f };
        const hit = cards.find((c) => c.id !== source && !target.startsWith(c.id) && inside(p, c.r, 1));
        if (hit) { out.push(e.getAttribute('data-id') + ' crosses ' + hit.id); break; }
      }
      const bg = e.querySelector('.react-flow__edge-textbg');
      if (bg) {
        const b = bg.getBoundingClientRect();
        const over = cards.find((c) => b.left < c.r.right && b.right > c.r.left && b.top < c.r.bottom && b.bottom > c.r.top);
        if (over) out.push(e.getAttribute('data-id') + ' label covers ' + over.id);
      }
    }
    return out;
  })()`);
  expect(problems).toEqual([]);
});

test('far zoomed out every wire is drawn, and zoomed back in every card on screen has its wires', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(180_000);
  await openApp(page, appUrl);
  await loadTemplate(page, 'resnet152');
  await page.getByRole('button', { name: /Expand all \d+ blocks/ }).click();
  await expect(page.getByRole('button', { name: /Expand all \d+ blocks/ })).toHaveCount(0);
  await waitForAnalysis(page);
  const connections = await page
    .getByTestId('inspector')
    .locator('dt', { hasText: /^Connections$/ })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
  await page.getByTestId('cmd-fit').click();
  // Far zoomed out (bare blocks) the wires are one path: all of them, not only some.
  await expect(page.locator('.layer-card.is-tiny').first()).toBeAttached();
  await expect(page.getByTestId('tiny-wires')).toHaveAttribute(
    'data-wires',
    String(Number(connections?.replace(/,/g, ''))),
  );
  // Zoomed back in, cards first drawn as bare blocks get their wires again: React Flow draws
  // every wire that touches the screen, so every card on screen but the input has one coming in.
  for (let i = 0; i < 12; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect(page.locator('.layer-card.is-tiny')).toHaveCount(0);
  await expect
    .poll(() =>
      page.evaluate(`(() => {
        const into = new Set([...document.querySelectorAll('.react-flow__edge')].map((e) => e.getAttribute('data-id').split('->')[1].split('#')[0]));
        return [...document.querySelectorAll('.react-flow__node')]
          .map((n) => n.getAttribute('data-id'))
          .filter((id) => id !== 'input' && !into.has(id));
      })()`),
    )
    .toEqual([]);
});
