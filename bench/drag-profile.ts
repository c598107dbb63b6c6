/**
 * Profiles one drag (60 pointer moves) on ResNet-152 expanded and fitted, with Chromium's CPU
 * profiler over CDP, and prints the functions with the most self time; the whole profile is written
 * to $TMPDIR/netd-drag.cpuprofile (open it in Chrome DevTools). Development aid for bench/ui.ts's
 * drag figure; build with `npx vite build --minify false` first for readable function names.
 *
 *   npx tsx bench/drag-profile.ts [zoomSteps]   (zoomSteps: wheel steps in before dragging)
 *   TRACE=1 …   also traces one drag and sums the browser's event durations (Layerize, Paint, …)
 *   CSS='…' …   adds a style sheet first (to try a CSS change without a rebuild)
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer } from '../e2e/helpers/server.ts';
import { DRAG_AND_WAIT, openResNet152Expanded, launchChromium } from './inPage.ts';

interface ProfNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

const server = await startAppServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await openResNet152Expanded(page);
  await page.getByTestId('cmd-fit').click();
  await page.waitForTimeout(500);
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  const zoomSteps = Number(process.argv[2] ?? 0);
  for (let i = 0; i < zoomSteps; i++) {
    await page.mouse.move(720, 300);
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(100);
  }
  const target = (await page.evaluate(
    `[...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id')).find((id) => /conv2$/.test(id ?? ''))`,
  )) as string;
  console.log(
    'zoom',
    await page.evaluate(`document.querySelector('.react-flow__viewport').style.transform`),
    'target',
    target,
  );
  if (process.env.TRACE) {
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
    const t = (await page.evaluate(
      `(${DRAG_AND_WAIT})(${JSON.stringify({ id: target, steps: 60 })})`,
    )) as number[];
    const buf = await browser.stopTracing();
    const events = (
      JSON.parse(buf.toString()) as {
        traceEvents: { name: string; ph: string; dur?: number; tid: number }[];
      }
    ).traceEvents;
    const sum = new Map<string, number>();
    for (const e of events)
      if (e.ph === 'X' && e.dur) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur);
    console.log('trace mean', (t.reduce((a, b) => a + b, 0) / t.length).toFixed(1));
    for (const [k, us] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const times = (await page.evaluate(
    `(${DRAG_AND_WAIT})(${JSON.stringify({ id: target, steps: 60 })})`,
  )) as number[];
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfNode[]; samples: number[]; timeDeltas: number[] };
  };
  const file = join(tmpdir(), 'netd-drag.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  console.log(`profile: ${file}`);
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `median ${sorted[30]!.toFixed(1)} ms, mean ${mean.toFixed(1)} ms, ${(1000 / mean).toFixed(1)} fps`,
  );
  // Self time per function.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const agg = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    agg.set(key, (agg.get(key) ?? 0) + us);
    total += us;
  }
  console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
  for (const [k, us] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await browser.close();
  await server.stop();
}
