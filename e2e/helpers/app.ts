/**
 * A small DSL for e2e specs: open the app, call the host API directly for setup, wait for the live
 * numbers to settle, read counts, take screenshots. UI-specific steps live in the feature helpers
 * (e.g. e2e/helpers/designer.ts).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The browser globals the in-page functions below use. e2e code is type-checked with the node
 * tsconfig (no DOM lib), so they are described here rather than pulling DOM types into main/.
 */
interface BrowserGlobals {
  location: { search: string; protocol: string; host: string };
  WebSocket: new (url: string) => {
    onopen: (() => void) | null;
    onmessage: ((ev: { data: unknown }) => void) | null;
    onerror: (() => void) | null;
    send(data: string): void;
    close(): void;
  };
  requestAnimationFrame(callback: () => void): number;
}

/** Opens the app at `appUrl` (with its token) and waits until the first analysis is shown. */
export async function openApp(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await waitForAnalysis(page);
}

/**
 * Calls the host API from inside the page over a fresh WebSocket (same token as the page), for
 * setup and checks that need no UI: `await api(page, 'templates:load', { id: 'resnet50' })`.
 * @throws Error with the host's message when the call fails.
 */
export async function api<T = unknown>(page: Page, channel: string, payload?: unknown): Promise<T> {
  const reply = await page.evaluate(
    ({ channel, payload }) =>
      new Promise<{ ok: boolean; result?: unknown; error?: { message: string } }>(
        (resolve, reject) => {
          const w = globalThis as unknown as BrowserGlobals;
          const token = new URLSearchParams(w.location.search).get('token') ?? '';
          const scheme = w.location.protocol === 'https:' ? 'wss:' : 'ws:';
          const ws = new w.WebSocket(`${scheme}//${w.location.host}/api?token=${token}`);
          ws.onopen = () => ws.send(JSON.stringify({ id: 1, channel, payload }));
          ws.onmessage = (ev) => {
            const message = JSON.parse(String(ev.data)) as { id?: unknown };
            if (message.id !== 1) return; // a pushed training event
            ws.close();
            resolve(message as { ok: boolean; result?: unknown; error?: { message: string } });
          };
          ws.onerror = () => reject(new Error('the API WebSocket failed to connect'));
        },
      ),
    { channel, payload },
  );
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message ?? 'failed'}`);
  return reply.result as T;
}

/**
 * Waits until the summary totals are shown and the analysis has settled: nothing is marked
 * `aria-busy="true"` and the trainable-params text is the same over several frames.
 */
export async function waitForAnalysis(page: Page): Promise<void> {
  const total = page.getByTestId('total-trainable-params');
  await expect(total).toBeVisible();
  await expect(total).not.toHaveText('');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  let previous = await total.textContent();
  for (let i = 0; i < 50; i++) {
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const w = globalThis as unknown as BrowserGlobals;
          w.requestAnimationFrame(() => w.requestAnimationFrame(done));
        }),
    );
    const current = await total.textContent();
    if (current === previous) return;
    previous = current;
  }
  throw new Error(`the totals kept changing (last: ${previous ?? ''})`);
}

/**
 * Parses a displayed count such as "25,557,032" (commas, spaces or thin spaces as separators).
 * @throws when the text is not a whole number.
 */
export function parseCount(text: string | null): number {
  const digits = (text ?? '').replace(/[,\s\u2009\u202f\u00a0'_]/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`'${text ?? ''}' is not a whole number`);
  return Number(digits);
}

/** The number shown by `locator`, e.g. `await readCount(page.getByTestId('total-trainable-params'))`. */
export async function readCount(locator: Locator): Promise<number> {
  return parseCount(await locator.textContent());
}

/** The displayed totals: trainable params as a number, MACs as shown. */
export async function readTotals(page: Page): Promise<{ trainableParams: number; macs: string }> {
  return {
    trainableParams: await readCount(page.getByTestId('total-trainable-params')),
    macs: ((await page.getByTestId('total-macs').textContent()) ?? '').trim(),
  };
}

/**
 * Saves a PNG of the page as `<dir>/<name>.png`; dir is `$NETD_SCREENSHOT_DIR` (e.g.
 * `docs/screenshots` when refreshing the README's images) or `test-results/screenshots`.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = process.env.NETD_SCREENSHOT_DIR ?? join('test-results', 'screenshots');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}
