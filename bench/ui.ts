/**
 * Prints how fast the designer reacts, measured in Chromium against the served app (figures only,
 * no assertions):
 * - LeNet-5: time from typing a param to the new totals on screen (and in 60 Hz frames);
 * - ResNet-152 from the gallery: time from the click to its cards and totals on screen;
 * - ResNet-152 expanded to primitive layers: time from typing a param to the new totals, *Expand
 *   all* and *Fit* from the click to the painted result, panning the fitted canvas and dragging
 *   layers (ms per pointer move, from the move to the painted frame, and the frames per second
 *   that gives).
 *
 *   npx tsx bench/ui.ts            (NETD_CHROMIUM overrides /usr/bin/chromium)
 *   npx tsx bench/ui.ts --drag     (only the drag: loads, expands and fits ResNet-152 untimed)
 */
import type { Page } from 'playwright-core';
import { api } from '../e2e/helpers/app.ts';
import { startAppServer } from '../e2e/helpers/server.ts';
import {
  DRAG_AND_WAIT,
  EDIT_AND_WAIT,
  PAN_AND_WAIT,
  selectFirstConv,
  launchChromium,
} from './inPage.ts';
import { fmtInt } from '../main/network/catalog/format.ts';

const RUNS = 9;
const DRAG_ONLY = process.argv.includes('--drag');
const FRAME_MS = 1000 / 60;

/** In-page: clicks a template card, resolves ms until the cards and the expected total are shown. */
const LOAD_AND_WAIT = `async ({ id, total }) => {
  const t0 = performance.now();
  document.querySelector('[data-testid="template-' + id + '"]').click();
  for (;;) {
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    const cards = document.querySelectorAll('.react-flow__node').length;
    const shown = document.querySelector('[data-testid="total-trainable-params"]')?.textContent;
    if (cards > 0 && shown === total) return performance.now() - t0;
    if (performance.now() - t0 > 30000) throw new Error('not loaded after 30 s (shows ' + shown + ')');
  }
}`;

const VIEWPORT_TRANSFORM = `document.querySelector('.react-flow__viewport')?.style.transform`;

/** Clicks `selector` in the page; resolves ms until the expression `until` holds after a painted frame. */
async function clickAndWait(page: Page, selector: string, until: string): Promise<number> {
  // The condition is inlined (not `new Function`): the app's CSP forbids eval.
  return (await page.evaluate(`(async () => {
    const t0 = performance.now();
    document.querySelector(${JSON.stringify(selector)}).click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (${until}) return performance.now() - t0;
      if (performance.now() - t0 > 60000) throw new Error('not done after 60 s');
    }
  })()`)) as number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function line(label: string, ms: number[]): void {
  const m = median(ms);
  console.log(
    `${label.padEnd(52)} median ${m.toFixed(1).padStart(7)} ms  (${(m / FRAME_MS).toFixed(2)} frames; min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)})`,
  );
}

async function loadTemplate(page: Page, id: string, total: string): Promise<number> {
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId(`template-${id}`).waitFor();
  // Benchmarks start from freshly loaded (saved-state) templates, so no discard prompt appears.
  return (await page.evaluate(`(${LOAD_AND_WAIT})(${JSON.stringify({ id, total })})`)) as number;
}

/** Loads a template through the gallery, discarding unsaved edits (not timed). */
async function openTemplate(page: Page, id: string, total: string): Promise<void> {
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId(`template-${id}`).click();
  const confirm = page.getByTestId('confirm-ok');
  await Promise.race([
    confirm.waitFor(),
    page.getByTestId('template-gallery').waitFor({ state: 'hidden' }),
  ]);
  if (await confirm.isVisible()) await confirm.click();
  await page.getByTestId('total-trainable-params').filter({ hasText: total }).waitFor();
}

/** The trainable-params text the gallery's figure for template `id` will show in the summary bar. */
async function readTotalOf(page: Page, id: string): Promise<string> {
  const list = await api<{ id: string; trainableParams: number }[]>(page, 'templates:list');
  const t = list.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return fmtInt(t.trainableParams);
}

async function editTimes(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push((await page.evaluate(`(${EDIT_AND_WAIT})()`)) as number);
  }
  return times;
}

/** The canvas's zoom factor, from the viewport's transform. */
async function zoomOf(page: Page): Promise<number> {
  const t = (await page.evaluate(VIEWPORT_TRANSFORM)) as string | undefined;
  return Number(/scale\(([\d.e-]+)\)/.exec(t ?? '')?.[1] ?? NaN);
}

/**
 * Drags each card of `ids` in turn by 60 pointer moves (picking each up selects it, as when a
 * person rearranges several layers) and prints the ms per move over all drags, each drag's frames
 * per second and their median.
 */
async function dragLine(page: Page, ids: readonly string[], label: string): Promise<void> {
  const all: number[] = [];
  const fps: number[] = [];
  for (const id of ids) {
    // Start from a settled page, as a person does: not inside the frames still rendering the Fit,
    // zoom or drag that came before (those frames are that action's figure, not this drag's).
    await page.evaluate(`new Promise((r) => requestIdleCallback(() => r(undefined)))`);
    const steps = (await page.evaluate(
      `(${DRAG_AND_WAIT})(${JSON.stringify({ id, steps: 60 })})`,
    )) as number[];
    all.push(...steps);
    fps.push(1000 / (steps.reduce((a, b) => a + b, 0) / steps.length));
  }
  line(`${label} (ms per move)`, all);
  console.log(
    `${''.padEnd(52)} ${median(fps).toFixed(1)} frames per second while dragging${fps.length > 1 ? ` (median of ${fps.length} drags: ${fps.map((f) => f.toFixed(0)).join(', ')})` : ''}`,
  );
}

/**
 * Up to `count` Conv2D cards spread over the left part of the canvas, away from its edges: a drag
 * moves a card 180 px right, and one that comes within React Flow's auto-pan margin would pan the
 * whole view, which is a figure of its own.
 */
async function dragTargets(page: Page, count: number): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect();
    const ids = [...document.querySelectorAll('.react-flow__node')]
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.left > pane.left + 60 && r.right < pane.left + pane.width * 0.6 &&
          r.top > pane.top + 80 && r.bottom < pane.bottom - 80;
      })
      .map((n) => n.getAttribute('data-id'))
      .filter((id) => /conv\\d$/.test(id ?? ''));
    const step = Math.max(1, Math.floor(ids.length / ${count}));
    return ids.filter((_, i) => i % step === 0).slice(0, ${count});
  })()`)) as string[];
}

async function main(): Promise<void> {
  const server = await startAppServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.getByTestId('total-trainable-params').waitFor();
    console.log('NetDesigner UI bench (Chromium, 1440×900, web host on 127.0.0.1)\n');

    const lenetTotal = await readTotalOf(page, 'lenet5');
    if (DRAG_ONLY) {
      await openTemplate(page, 'resnet152', '60,192,808');
    } else {
      await loadTemplate(page, 'lenet5', lenetTotal);
      await selectFirstConv(page);
      line('LeNet-5: edit → totals on screen', await editTimes(page));

      const loads: number[] = [];
      for (let i = 0; i < 3; i++) {
        // Start from LeNet each time so the ResNet totals are new when they appear.
        await openTemplate(page, 'lenet5', lenetTotal);
        loads.push(await loadTemplate(page, 'resnet152', '60,192,808'));
      }
      line('ResNet-152: click in gallery → cards and totals shown', loads);
    }

    const expandMs = await page.evaluate(`(async () => {
      const t0 = performance.now();
      const button = [...document.querySelectorAll('button')].find((b) => /Expand all \\d+ blocks/.test(b.textContent));
      button.click();
      for (;;) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const gone = ![...document.querySelectorAll('button')].some((b) => /Expand all \\d+ blocks/.test(b.textContent));
        if (gone && document.querySelectorAll('.react-flow__node').length > 0) return performance.now() - t0;
        if (performance.now() - t0 > 60000) throw new Error('not expanded after 60 s');
      }
    })()`);
    line('ResNet-152: Expand all → expanded cards shown', [expandMs as number]);
    const count = await page.evaluate(
      `document.querySelector('[data-testid="inspector"]').textContent.match(/Layers\\s*([\\d,]+)/)?.[1]`,
    );
    if (!DRAG_ONLY) {
      await selectFirstConv(page);
      line(`ResNet-152 expanded (${String(count)} layers): edit → totals`, await editTimes(page));
    }

    const fits: number[] = [];
    for (let i = 0; i < 3; i++) {
      // Move the view away first so each Fit has something to change.
      await page.mouse.move(700, 400);
      await page.mouse.wheel(0, -300);
      const before = (await page.evaluate(VIEWPORT_TRANSFORM)) as string;
      fits.push(
        await clickAndWait(
          page,
          '[data-testid="cmd-fit"]',
          `${VIEWPORT_TRANSFORM} !== ${JSON.stringify(before)}`,
        ),
      );
    }
    line('ResNet-152 expanded: Fit → fitted view painted', fits);

    await page.evaluate(`new Promise((r) => requestIdleCallback(() => r(undefined)))`);
    const pan = (await page.evaluate(
      `(${PAN_AND_WAIT})(${JSON.stringify({ steps: 30 })})`,
    )) as number[];
    line('ResNet-152 expanded, fitted: pan the canvas (ms per move)', pan);
    console.log(
      `${''.padEnd(52)} ${(1000 / (pan.reduce((a, b) => a + b, 0) / pan.length)).toFixed(1)} frames per second while panning`,
    );

    const targets = await dragTargets(page, 3);
    if (targets.length === 0) throw new Error('no Conv2D card on screen to drag');
    await dragLine(page, targets, `ResNet-152 expanded, fitted: drag ${targets.length} cards`);
    const target = targets[0]!;

    // The same at a readable zoom (full cards with handles, wire labels), zoomed in on the card.
    for (let i = 0; i < 40 && (await zoomOf(page)) < 0.95; i++) {
      const box = await page.locator(`.react-flow__node[data-id="${target}"]`).boundingBox();
      if (!box) throw new Error(`${target} left the screen while zooming in`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(50);
    }
    const zoom = await zoomOf(page);
    await dragLine(
      page,
      [target],
      `ResNet-152 expanded, ${Math.round(zoom * 100)} %: drag ${target}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
