/**
 * Kills: the host SIGKILLed mid-save, again and again, and a training run's trainer and host
 * SIGKILLed mid-epoch. A saved file is always the old or the new complete document (never torn),
 * the temp files of killed saves go with the next save, and a killed run shows as failed or
 * interrupted after a restart, with the metrics it logged. Kill moments are picked from states the
 * processes report (a save started, its temp file on disk, a save done, a batch after an epoch),
 * never from sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readNetworkFile, writeNetworkFile } from '../files/io.ts';
import { isProcessAlive, RUN_FILE } from '../training/runs/record.ts';
import { createRunStore } from '../training/runs/runStore.ts';
import { fuzzer } from './random.ts';
import { versionDoc } from './testing/saveLoop.ts';

/** Kills per run (README "Security"). */
export const KILL_CASES = { saves: 30 };

const dir = mkdtempSync(join(tmpdir(), 'netd-kills-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** The save loop bundled once into plain JavaScript: a kill-and-restart costs a Node start only. */
let saveLoop = '';
beforeAll(async () => {
  saveLoop = join(dir, 'saveLoop.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./testing/saveLoop.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: saveLoop,
    logLevel: 'error',
  });
}, 60_000);

/** Lines a child prints, as they come; `waitLine` resolves on the first line matching. */
function lines(child: ChildProcess): { all: string[]; on(cb: (line: string) => void): void } {
  const all: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    rest += chunk.toString('utf8');
    const parts = rest.split('\n');
    rest = parts.pop()!;
    for (const line of parts) {
      all.push(line);
      for (const cb of listeners) cb(line);
    }
  });
  return { all, on: (cb) => void listeners.push(cb) };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The version number of the saved design (its name is `v<N>`), after checking it whole. */
async function savedVersion(path: string): Promise<number> {
  const doc = await readNetworkFile(path); // throws on a torn or invalid file
  const v = Number(/^v(\d+)$/.exec(doc.name)?.[1]);
  expect(doc.nodes.length, `v${v} complete`).toBe(versionDoc(v).nodes.length);
  return v;
}

const temps = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

describe('kills during saves', () => {
  it(`leaves the old or the new complete file through ${KILL_CASES.saves} SIGKILLs mid-save`, async () => {
    const folder = mkdtempSync(join(dir, 'saves-'));
    const path = join(folder, 'design.netd.json');
    await writeNetworkFile(path, versionDoc(0));
    const f = fuzzer(0x6b11);
    const moments = { started: 0, tempOnDisk: 0, afterSave: 0 };
    let tornOrLost = 0;
    let tempLeft = 0; // kills that landed while a temp file was being written
    let lastOnDisk = 0;
    for (let i = 0; i < KILL_CASES.saves; i++) {
      const from = lastOnDisk + 1;
      const child = spawn(process.execPath, [saveLoop], {
        env: { ...process.env, NETD_SAVE_LOOP_PATH: path, NETD_SAVE_LOOP_FROM: String(from) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.add(child);
      const out = lines(child);
      // Where to kill: as a save starts, once its temp file is on disk, or right after a save.
      const moment = f.pick(['started', 'tempOnDisk', 'afterSave'] as const);
      const nth = 1 + f.int(3);
      const kill = () => child.kill('SIGKILL');
      const watcher =
        moment === 'tempOnDisk'
          ? watch(folder, (_event, name) => {
              if (
                name?.endsWith('.tmp') &&
                out.all.filter((l) => l.startsWith('saving')).length >= nth
              )
                kill();
            })
          : null;
      out.on((line) => {
        const [state, n] = line.split(' ');
        const count = Number(n) - from + 1;
        if (moment === 'started' && state === 'saving' && count === nth) kill();
        if (moment === 'afterSave' && state === 'saved' && count === nth) kill();
      });
      await exited(child);
      watcher?.close();
      children.delete(child);
      expect(child.signalCode, `case ${i}: killed, not ended on its own`).toBe('SIGKILL');
      moments[moment]++;
      const saved = out.all.filter((l) => l.startsWith('saved')).map((l) => Number(l.slice(6)));
      const lastSaved = saved.length ? Math.max(...saved) : lastOnDisk;
      if (temps(folder).length > 0) tempLeft++;
      let v: number;
      try {
        v = await savedVersion(path);
      } catch {
        tornOrLost++;
        continue;
      }
      // The old document (the last save that completed) or the new one (the save in flight).
      expect([lastSaved, lastSaved + 1], `case ${i}`).toContain(v);
      lastOnDisk = v;
    }
    expect(tornOrLost).toBe(0);
    expect(tempLeft).toBeGreaterThan(0);
    console.info(
      `kills mid-save: ${KILL_CASES.saves} (as a save started ${moments.started}, temp on disk ${moments.tempOnDisk}, after a save ${moments.afterSave}); a temp left behind ${tempLeft} times; torn files 0`,
    );
    expect(moments.started + moments.tempOnDisk + moments.afterSave).toBe(KILL_CASES.saves);

    // The next start: its first save removes every temp file a killed save left.
    const next = spawn(process.execPath, [saveLoop], {
      env: { ...process.env, NETD_SAVE_LOOP_PATH: path, NETD_SAVE_LOOP_FROM: '1000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(next);
    const out = lines(next);
    out.on((line) => {
      if (line === 'saved 1000') next.kill('SIGKILL');
    });
    await exited(next);
    expect(out.all).toContain('saved 1000');
    expect(await savedVersion(path)).toBe(1000);
    expect(temps(folder)).toEqual([]);
  }, 300_000);
});

/** tsx's loader, for a child that runs TypeScript sources. */
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const trainingHost = fileURLToPath(new URL('./testing/trainingHost.ts', import.meta.url));

interface HostEvent {
  event: string;
  runId: string;
  epoch?: number;
}

/** Starts the training host; resolves once its run has logged an epoch and a batch after it. */
async function hostMidEpoch(runsDir: string) {
  const host = spawn(process.execPath, ['--import', tsx, trainingHost], {
    env: { ...process.env, NETD_KILL_RUNS_DIR: runsDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(host);
  const events: HostEvent[] = [];
  lines(host).on((line) => events.push(JSON.parse(line) as HostEvent));
  await vi.waitFor(
    () => {
      const epoch = events.findIndex((e) => e.event === 'epoch');
      expect(epoch).toBeGreaterThanOrEqual(0);
      expect(events.slice(epoch + 1).some((e) => e.event === 'batch')).toBe(true);
    },
    { timeout: 150_000, interval: 50 },
  );
  const runId = events[0]!.runId;
  // After 'started' the trainer process writes the record: its pid is the trainer's.
  const record = JSON.parse(readFileSync(join(runsDir, runId, RUN_FILE), 'utf8')) as {
    pid: number;
  };
  expect(record.pid).not.toBe(host.pid);
  return { host, events, runId, trainerPid: record.pid };
}

describe('kills during training', () => {
  it('a trainer SIGKILLed mid-epoch: the run is failed, its epochs kept', async () => {
    const runsDir = mkdtempSync(join(dir, 'runs-'));
    const { host, events, runId, trainerPid } = await hostMidEpoch(runsDir);
    process.kill(trainerPid, 'SIGKILL');
    await vi.waitFor(() => expect(events.some((e) => e.event === 'failed')).toBe(true), {
      timeout: 30_000,
    });
    host.kill('SIGKILL');
    await exited(host);
    // A restarted host reads the run: failed, with what it logged.
    const run = await createRunStore(runsDir).get(runId);
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/SIGKILL/);
    expect(run.epochHistory.length).toBeGreaterThanOrEqual(1);
    expect(run.batchLoss.length).toBeGreaterThan(0);
  }, 200_000);

  it('the host SIGKILLed mid-epoch: its trainer ends, the run is interrupted, its epochs kept', async () => {
    const runsDir = mkdtempSync(join(dir, 'runs-'));
    const { host, runId, trainerPid } = await hostMidEpoch(runsDir);
    host.kill('SIGKILL');
    await exited(host);
    // The trainer notices its host is gone and ends (no orphan training on).
    await vi.waitFor(() => expect(isProcessAlive(trainerPid)).toBe(false), { timeout: 30_000 });
    // Interrupted, not failed: the trainer saw its host go (a broken pipe) and left the run as it
    // was; the next host to read it says what happened.
    const store = createRunStore(runsDir);
    expect((await store.list()).find((r) => r.runId === runId)?.status).toBe('interrupted');
    const run = await store.get(runId);
    expect(run.message).toMatch(/ended unexpectedly; the metrics logged until then are kept/);
    expect(run.epochHistory.length).toBeGreaterThanOrEqual(1);
    console.info(
      `host killed mid-epoch: run ${run.status} (${run.message}), ${run.epochHistory.length} epochs kept`,
    );
    expect(readdirSync(join(runsDir, runId)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 200_000);
});
