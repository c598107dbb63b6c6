/**
 * Compares the edit of bench/ui.ts (a Conv2D's filters on ResNet-152 expanded → new totals
 * painted) between an older checkout and this one, side by side in one browser, alternating one
 * edit each so both see the same machine load; prints medians and quartiles and the load average.
 * Figures only, no assertions.
 *
 *   NETD_BEFORE=/path/to/older/checkout npx tsx bench/edit-paired.ts [rounds]
 *
 * The older checkout needs its node_modules (a symlink to these will do) and `npx vite build` run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { startAppServer as startAfter, type AppServer } from '../e2e/helpers/server.ts';
import { EDIT_AND_WAIT, openResNet152Expanded, selectFirstConv, launchChromium } from './inPage.ts';

const beforeDir = process.env.NETD_BEFORE;
if (!beforeDir) throw new Error('Set NETD_BEFORE to the older checkout to compare with.');
const { startAppServer: startBefore } = (await import(
  pathToFileURL(resolve(beforeDir, 'e2e/helpers/server.ts')).href
)) as { startAppServer: () => Promise<AppServer> };

async function setup(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await openResNet152Expanded(page);
  await selectFirstConv(page);
}

const rounds = Number(process.argv[2] ?? 20);
const servers = [await startBefore(), await startAfter()];
const browser = await launchChromium();
try {
  const pages: Page[] = [];
  for (const s of servers) {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await setup(p, s.url);
    pages.push(p);
  }
  for (const p of pages) for (let i = 0; i < 3; i++) await p.evaluate(`(${EDIT_AND_WAIT})()`); // warm-up
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const loads = [load()];
  const times: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? [1, 0] : [0, 1]) {
      await pages[k]!.bringToFront();
      times[k]!.push((await pages[k]!.evaluate(`(${EDIT_AND_WAIT})()`)) as number);
    }
    if (r % 5 === 4) loads.push(load());
  }
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))]!.toFixed(0);
    return `median ${q(0.5)} ms (quartiles ${q(0.25)}–${q(0.75)}, min ${q(0)}, max ${q(1)})`;
  };
  console.log(`load (1 min) during the run: ${loads.join(', ')}`);
  console.log(`before: ${stat(times[0]!)}`);
  console.log(`after:  ${stat(times[1]!)}`);
} finally {
  await browser.close();
  for (const s of servers) await s.stop();
}
