/**
 * What the UI benches run inside the page and how they reach their starting point, shared so
 * that bench/ui.ts, edit-paired.ts, edit-profile.ts and drag-profile.ts time exactly the same thing.
 * In-page code is a string evaluated by Playwright (`(${EDIT_AND_WAIT})()`), so that the app's CSP
 * (no eval) is never in the way.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * In-page: types into the selected Conv2D's filters field (24, or 16 when 24 is shown, so a run
 * of edits never types the value already there) and resolves the ms until the totals changed and
 * the frame showing them was painted. Each start time is also pushed to `window.__netdT0` for
 * profilers that match it against their own records.
 */
export const EDIT_AND_WAIT = `async () => {
  const input = document.querySelector('[data-testid="inspector"] [data-testid="param-filters"]');
  const total = document.querySelector('[data-testid="total-trainable-params"]');
  if (!input || !total) throw new Error('select a Conv2D first');
  const value = input.value === '24' ? 16 : 24;
  const before = total.textContent;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const t0 = performance.now();
  (window.__netdT0 ??= []).push(t0);
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

/**
 * In-page: presses the mouse on `el` at (x, y), moves the pointer `moves` times by `step(i)` (a
 * [dx, dy] pair), awaiting the painted frame after each, and releases; resolves ms per move.
 */
const PRESS_MOVE_RELEASE = `async (el, x, y, moves, step) => {
  const opts = () => ({ bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons: 1 });
  const painted = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
  el.dispatchEvent(new MouseEvent('mousedown', opts()));
  await painted();
  const times = [];
  for (let i = 0; i < moves; i++) {
    const [dx, dy] = step(i);
    x += dx; y += dy;
    const t0 = performance.now();
    window.dispatchEvent(new MouseEvent('mousemove', opts()));
    await painted();
    times.push(performance.now() - t0);
  }
  window.dispatchEvent(new MouseEvent('mouseup', opts()));
  await painted();
  return times;
}`;

/** In-page: drags the card `id` by `steps` pointer moves, each awaited until painted; resolves ms per step. */
export const DRAG_AND_WAIT = `async ({ id, steps }) => {
  const card = document.querySelector('.react-flow__node[data-id="' + id + '"]');
  if (!card) throw new Error('no card ' + id);
  const r = card.getBoundingClientRect();
  return (${PRESS_MOVE_RELEASE})(card, r.left + r.width / 2, r.top + 8, steps, (i) => [3, i % 2 ? 2 : -2]);
}`;

/**
 * In-page: pans the canvas by dragging its empty left edge `steps` pointer moves to the right (and
 * as many back, so the view ends where it began), each awaited until painted; resolves ms per step.
 */
export const PAN_AND_WAIT = `async ({ steps }) => {
  const pane = document.querySelector('.react-flow__pane');
  if (!pane) throw new Error('no canvas');
  const b = pane.getBoundingClientRect();
  return (${PRESS_MOVE_RELEASE})(pane, b.left + 20, b.top + b.height / 2, 2 * steps, (i) => [i < steps ? 4 : -4, i % 2 ? 3 : -3]);
}`;

/** From a freshly loaded app: ResNet-152 from the gallery, every block expanded (515 layers). */
export async function openResNet152Expanded(page: Page): Promise<void> {
  await page.getByTestId('total-trainable-params').waitFor();
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId('template-resnet152').click();
  await page.getByTestId('total-trainable-params').filter({ hasText: '60,192,808' }).waitFor();
  const expandAll = page.getByRole('button', { name: /Expand all \d+ blocks/ });
  await expandAll.click();
  await expandAll.waitFor({ state: 'detached' });
}

/** Selects the first Conv2D card and waits for its filters field in the inspector. */
export async function selectFirstConv(page: Page): Promise<void> {
  await page
    .locator('.react-flow__node')
    // Full cards name the type in __type, compact (zoomed-out) cards in __ctype.
    .filter({ has: page.locator('.layer-card__type, .layer-card__ctype', { hasText: /^Conv2D$/ }) })
    .first()
    .click();
  await page.getByTestId('inspector').getByTestId('param-filters').waitFor();
}

/** Debian's Chromium (or `$NETD_CHROMIUM`), headless, as every UI bench runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.NETD_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
}
