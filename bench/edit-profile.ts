/**
 * Profiles inspector edits on ResNet-152 expanded (Chromium CPU profiler over CDP) and prints the
 * renderer functions with the most self time, plus the trace's top event totals with TRACE=1.
 * Development aid for bench/ui.ts's edit figure.
 *
 *   npx tsx bench/edit-profile.ts [edits]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { startAppServer } from '../e2e/helpers/server.ts';
import { EDIT_AND_WAIT, openResNet152Expanded, selectFirstConv, launchChromium } from './inPage.ts';

interface ProfNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const edits = Number(process.argv[2] ?? 9);
const server = await startAppServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Timestamps of each analysis request leaving and its reply arriving (the host round trip).
  await page.addInitScript(`(() => {
    const log = (window.__netdTrips = []);
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...a) {
        super(...a);
        this.addEventListener('message', (ev) => {
          const open = log.find((t) => t.recv === undefined && ev.data.startsWith('{"id":' + t.id + ','));
          if (open) { open.recv = performance.now(); open.replyBytes = ev.data.length; }
        });
      }
      send(text) {
        const m = /^\\{"id":(\\d+),"channel":"network:analyze(?:Update)?"/.exec(text);
        const t0 = performance.now();
        super.send(text);
        if (m) log.push({ id: m[1], sent: t0, sendMs: performance.now() - t0, bytes: text.length });
      }
    };
  })()`);
  await page.goto(server.url);
  await openResNet152Expanded(page);
  await selectFirstConv(page);
  const run = async (): Promise<number[]> => {
    const t: number[] = [];
    for (let i = 0; i < edits; i++) t.push((await page.evaluate(`(${EDIT_AND_WAIT})()`)) as number);
    return t;
  };
  await run(); // warm-up
  if (process.env.LOAF) {
    // Long animation frames during a few edits: script vs style/layout vs the rest of rendering.
    await page.evaluate(
      `window.__loaf = []; new PerformanceObserver((l) => window.__loaf.push(...l.getEntries().map((e) => e.toJSON()))).observe({ type: 'long-animation-frame' })`,
    );
    await run();
    const frames = (await page.evaluate('window.__loaf')) as {
      startTime: number;
      duration: number;
      renderStart: number;
      styleAndLayoutStart: number;
      scripts: {
        duration: number;
        invoker: string;
        sourceFunctionName: string;
        invokerType: string;
      }[];
    }[];
    for (const f of frames) {
      const script = f.scripts.reduce((a, x) => a + x.duration, 0);
      const render = f.renderStart ? f.startTime + f.duration - f.renderStart : 0;
      const layout = f.styleAndLayoutStart ? f.startTime + f.duration - f.styleAndLayoutStart : 0;
      console.log(
        `frame ${f.duration.toFixed(0).padStart(4)} ms: scripts ${script.toFixed(0)} (${f.scripts.map((x) => `${x.invokerType}:${x.invoker.slice(0, 40)} ${x.duration.toFixed(0)}`).join(', ')}), render ${render.toFixed(0)}, style+layout ${layout.toFixed(0)}`,
      );
    }
  }
  await page.evaluate('window.__netdTrips.length = 0; window.__netdT0 = []');
  const plain = await run();
  const trips = (await page.evaluate('window.__netdTrips')) as {
    sendMs: number;
    sent: number;
    recv: number;
    bytes: number;
    replyBytes: number;
  }[];
  const med = (xs: number[]): string => {
    const s = [...xs].sort((a, b) => a - b);
    return `${s[Math.floor(s.length / 2)]!.toFixed(1)} (${s[0]!.toFixed(1)}–${s.at(-1)!.toFixed(1)})`;
  };
  console.log(`edit → totals ${med(plain)} ms; ${trips.length} analysis requests`);
  console.log(`  request ${trips[0]?.bytes} B, reply ${trips[0]?.replyBytes} B`);
  const t0s = (await page.evaluate('window.__netdT0')) as number[];
  console.log(
    `  input → send ${med(trips.map((t, i) => t.sent - t0s[i]!))} ms; reply → painted ${med(trips.map((t, i) => t0s[i]! + plain[i]! - t.recv))} ms`,
  );
  console.log(
    `  ws.send ${med(trips.map((t) => t.sendMs))} ms; send → reply ${med(trips.map((t) => t.recv - t.sent))} ms`,
  );
  if (process.env.TRACE) {
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
      ],
    });
    await run();
    const events = (
      JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: { name: string; ph: string; dur?: number }[];
      }
    ).traceEvents;
    const sum = new Map<string, number>();
    for (const e of events)
      if (e.ph === 'X' && e.dur) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur);
    for (const [k, us] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`${(us / 1000 / edits).toFixed(1).padStart(8)} ms/edit  ${k}`);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const times = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfNode[]; samples: number[]; timeDeltas: number[] };
  };
  mkdirSync('/tmp/prof', { recursive: true });
  writeFileSync('/tmp/prof/edit.cpuprofile', JSON.stringify(profile));
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `edit → totals: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}`,
  );
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const agg = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    agg.set(key, (agg.get(key) ?? 0) + us);
  }
  for (const [k, us] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${(us / 1000 / edits).toFixed(2).padStart(8)} ms/edit  ${k}`);
} finally {
  await browser.close();
  await server.stop();
}
