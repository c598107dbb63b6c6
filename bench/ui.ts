/**
 * Prints how fast the designer reacts, measured in Chromium against the served app (figures only,
 * no assertions):
 * - LeNet-5: time from typing a param to the new totals on screen (and in 60 Hz frames);
 * - ResNet-152 from the gallery: time from the click to its cards and totals on screen;
 * - ResNet-152 expanded to primitive layers: time from typing a param to the new totals.
 *
 *   npx tsx bench/ui.ts            (NETD_CHROMIUM overrides /usr/bin/chromium)
 */
import { chromium, type Page } from 'playwright-core';
import { api } from '../e2e/helpers/app.ts';
import { startAppServer } from '../e2e/helpers/server.ts';
import { fmtInt } from '../main/network/catalog/format.ts';

const RUNS = 9;
const FRAME_MS = 1000 / 60;

/** In-page: types `value` into the inspector's filters field, resolves ms until the totals change. */
const EDIT_AND_WAIT = `async (value) => {
  const input = document.querySelector('[data-testid="inspector"] [data-testid="param-filters"]');
  const total = document.querySelector('[data-testid="total-trainable-params"]');
  if (!input || !total) throw new Error('select a Conv2D first');
  const before = total.textContent;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const t0 = performance.now();
  const changed = new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      if (total.textContent !== before) { obs.disconnect(); resolve(undefined); }
    });
    obs.observe(total, { characterData: true, childList: true, subtree: true });
  });
  setValue.call(input, String(value));
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await changed;
  // Until the frame that shows it has been painted.
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  return performance.now() - t0;
}`;

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

async function selectFirstConv(page: Page): Promise<void> {
  await page
    .locator('.react-flow__node')
    .filter({ has: page.locator('.layer-card__type', { hasText: /^Conv2D$/ }) })
    .first()
    .click();
  await page.getByTestId('inspector').getByTestId('param-filters').waitFor();
}

async function editTimes(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push((await page.evaluate(`(${EDIT_AND_WAIT})(${i % 2 === 0 ? 24 : 16})`)) as number);
  }
  return times;
}

async function main(): Promise<void> {
  const server = await startAppServer();
  const browser = await chromium.launch({
    executablePath: process.env.NETD_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.getByTestId('total-trainable-params').waitFor();
    console.log('NetDesigner UI bench (Chromium, 1440×900, web host on 127.0.0.1)\n');

    const lenetTotal = await readTotalOf(page, 'lenet5');
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

    await page.getByRole('button', { name: /Expand all \d+ blocks/ }).click();
    await page
      .getByRole('button', { name: /Expand all \d+ blocks/ })
      .waitFor({ state: 'detached', timeout: 60_000 });
    const count = await page.evaluate(
      `document.querySelector('[data-testid="inspector"]').textContent.match(/Layers\\s*([\\d,]+)/)?.[1]`,
    );
    await selectFirstConv(page);
    line(`ResNet-152 expanded (${String(count)} layers): edit → totals`, await editTimes(page));
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
