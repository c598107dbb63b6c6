import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { captureContext } from '../../cli/testing.ts';
import { buildTemplate } from '../../templates/index.ts';
import type { TrainingEvent } from '../types.ts';
import { resetTorchProbe, torchUnavailableReason } from './python.ts';
import { createRunStore } from '../runs/runStore.ts';
import { runOnEngine } from './runOnEngine.ts';

const noTorch = torchUnavailableReason();
const skipped = noTorch ? ` — skipped: ${noTorch}` : '';
const dir = mkdtempSync(join(tmpdir(), 'netd-torch-engine-'));
const runs = join(dir, 'runs');
const savedPython = process.env.NETD_PYTHON;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  if (savedPython === undefined) delete process.env.NETD_PYTHON;
  else process.env.NETD_PYTHON = savedPython;
  resetTorchProbe();
});

/** LeNet-5 for the 4 synthetic classes at 16×16: seconds per epoch on one shared core. */
function design(): string {
  const file = join(dir, 'lenet16.netd.json');
  writeFileSync(
    file,
    JSON.stringify(buildTemplate('lenet5', { input: [16, 16, 3], classes: 4 }).doc),
  );
  return file;
}

const SMALL = ['--data', 'synthetic', '--limit', '120', '--test-limit', '40', '--batch-size', '16'];

async function train(
  args: string[],
): Promise<{ code: number; events: TrainingEvent[]; err: string }> {
  const ctx = captureContext();
  const code = await main(['train', design(), ...SMALL, '--json', '--out', runs, ...args], ctx);
  const events = ctx
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as TrainingEvent);
  return { code, events, err: ctx.stderr() };
}

function runDirOf(events: TrainingEvent[]): string {
  return join(runs, events.find((e) => e.event === 'started')!.runId);
}

describe('netd train --engine pytorch', () => {
  it.skipIf(noTorch !== null)(
    `trains through the same events and run store as tfjs, and says why it runs on PyTorch${skipped}`,
    async () => {
      const { code, events, err } = await train(['--engine', 'pytorch', '--epochs', '2']);
      expect(code, err).toBe(0);
      const started = events.find((e) => e.event === 'started')!;
      expect(started).toMatchObject({ backend: 'pytorch-cpu', engine: 'pytorch' });
      if (started.event === 'started') expect(started.backendNote).toMatch(/^PyTorch .*as asked/);
      expect(events.filter((e) => e.event === 'epoch')).toHaveLength(2);
      expect(events.some((e) => e.event === 'batch')).toBe(true);
      const done = events.at(-1)!;
      expect(done).toMatchObject({ event: 'done', stopped: false, engine: 'pytorch' });
      if (done.event === 'done') {
        expect(done.testAccuracy).toBeGreaterThan(0);
        expect(done.confusion).toHaveLength(4);
      }
      const run = runDirOf(events);
      const record = JSON.parse(readFileSync(join(run, 'run.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(record).toMatchObject({ status: 'done', backend: 'pytorch-cpu', epochsDone: 2 });
      for (const f of ['model.py', 'model.pt', 'weights.safetensors'])
        expect(existsSync(join(run, f))).toBe(true);
      expect(existsSync(join(run, 'data.tmp'))).toBe(false);
    },
    180_000,
  );

  it.skipIf(noTorch !== null || cpus().length < 2)(
    `--nproc 2 (DDP, gloo on the CPU) gives one run, one set of events and the accuracy of --nproc 1${skipped}`,
    async () => {
      const one = await train(['--engine', 'pytorch', '--epochs', '2', '--nproc', '1']);
      const two = await train(['--engine', 'pytorch', '--epochs', '2', '--nproc', '2']);
      expect(two.code, two.err).toBe(0);
      for (const kind of ['started', 'done'] as const)
        expect(two.events.filter((e) => e.event === kind)).toHaveLength(1);
      expect(two.events.filter((e) => e.event === 'epoch')).toHaveLength(2);
      const started = two.events.find((e) => e.event === 'started')!;
      if (started.event === 'started')
        expect(started.backendNote).toContain('2 processes (DDP) via torchrun');
      const acc = (r: typeof one) => {
        const done = r.events.at(-1)!;
        return done.event === 'done' ? (done.testAccuracy ?? -1) : -1;
      };
      expect(Math.abs(acc(two) - acc(one))).toBeLessThanOrEqual(0.02);
      // NetDesigner's own launcher (the fallback where torchrun cannot start) trains the same.
      process.env.NETD_TORCHRUN = '0';
      try {
        const own = await train(['--engine', 'pytorch', '--epochs', '2', '--nproc', '2']);
        expect(own.code, own.err).toBe(0);
        const note = own.events.find((e) => e.event === 'started');
        if (note?.event === 'started')
          expect(note.backendNote).toContain(
            "via NetDesigner's launcher (NETD_TORCHRUN=0 asks for NetDesigner's launcher)",
          );
        expect(acc(own)).toBeCloseTo(acc(two), 6);
      } finally {
        delete process.env.NETD_TORCHRUN;
      }
    },
    240_000,
  );

  it.skipIf(noTorch !== null)(
    `a Python process that dies mid-run is a failed run that keeps its metrics and shows its stderr${skipped}`,
    async () => {
      // A stand-in interpreter: reports on torch like the real one, then trains one epoch and crashes.
      const fake = join(dir, 'crashing-python');
      writeFileSync(
        fake,
        `#!/bin/sh
case "$1" in *probe.py) exec /usr/bin/python3 "$@";; esac
echo '{"event":"started","device":"cpu","deviceName":"CPU","world":1,"torch":"1.13","precision":"float32","trainCount":108,"valCount":12,"testCount":40,"batchesPerEpoch":7,"totalBatches":14}'
echo '{"event":"epoch","epoch":1,"trainLoss":1.2,"trainAccuracy":0.4,"valLoss":1.1,"valAccuracy":0.5,"learningRate":0.001,"seconds":0.5,"imagesPerSecond":200}'
echo 'Fatal Python error: Segmentation fault' >&2
kill -KILL $$
`,
      );
      chmodSync(fake, 0o755);
      process.env.NETD_PYTHON = fake;
      resetTorchProbe();
      const { code, events, err } = await train(['--engine', 'pytorch', '--epochs', '2']);
      expect(code).toBe(1);
      const failed = events.at(-1)!;
      expect(failed.event).toBe('failed');
      if (failed.event === 'failed') {
        expect(failed.message).toContain('the PyTorch process was killed (SIGKILL)');
        expect(failed.hint).toContain('Segmentation fault');
      }
      expect(err).toContain('Segmentation fault');
      const run = runDirOf(events);
      const record = JSON.parse(readFileSync(join(run, 'run.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(record).toMatchObject({ status: 'failed', epochsDone: 1 });
      expect(readFileSync(join(run, 'metrics.jsonl'), 'utf8')).toContain('"event":"epoch"');
    },
    60_000,
  );

  it.skipIf(noTorch !== null)(
    `Stop ends the run before the next batch, as a stopped run with its weights kept${skipped}`,
    async () => {
      const doc = buildTemplate('lenet5', { input: [16, 16, 3], classes: 4 }).doc;
      const request = {
        doc,
        data: 'synthetic',
        options: { epochs: 50, limit: 400, testLimit: 40, batchSize: 8 },
      };
      const writer = createRunStore(runs).create('stop-test', request);
      const signal = { stopped: false };
      const events: TrainingEvent[] = [];
      let batchesAfterStop = 0;
      const outcome = await runOnEngine(
        { ...request, runId: 'stop-test' },
        (e) => {
          events.push(e);
          if (e.event === 'batch' && signal.stopped) batchesAfterStop++;
          if (e.event === 'epoch') signal.stopped = true;
        },
        signal,
        writer,
        { engine: 'pytorch' },
      );
      expect(outcome.ended).toBe('stopped');
      expect(events.at(-1)).toMatchObject({ event: 'done', stopped: true });
      expect(events.filter((e) => e.event === 'epoch')).toHaveLength(1);
      // Batch events are throttled, so even a few batches after Stop show as at most a couple.
      expect(batchesAfterStop).toBeLessThanOrEqual(3);
      const record = JSON.parse(readFileSync(join(writer.dir, 'run.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(record).toMatchObject({ status: 'stopped', epochsDone: 1 });
      expect(existsSync(join(writer.dir, 'weights.safetensors'))).toBe(true);
    },
    120_000,
  );

  it.skipIf(noTorch !== null)(
    `Stop inside the first epoch evaluates what was trained and keeps its weights${skipped}`,
    async () => {
      const doc = buildTemplate('lenet5', { input: [16, 16, 3], classes: 4 }).doc;
      const request = {
        doc,
        data: 'synthetic',
        options: { epochs: 5, limit: 400, testLimit: 40, batchSize: 8 },
      };
      const writer = createRunStore(runs).create('early-stop-test', request);
      const signal = { stopped: false };
      const events: TrainingEvent[] = [];
      const outcome = await runOnEngine(
        { ...request, runId: 'early-stop-test' },
        (e) => {
          events.push(e);
          if (e.event === 'batch') signal.stopped = true;
        },
        signal,
        writer,
        { engine: 'pytorch' },
      );
      expect(outcome.ended).toBe('stopped');
      expect(events.filter((e) => e.event === 'epoch')).toHaveLength(0);
      const done = events.at(-1);
      expect(done).toMatchObject({ event: 'done', stopped: true });
      const accuracy = done?.event === 'done' ? done.testAccuracy : null;
      expect(accuracy).toBeGreaterThanOrEqual(0);
      expect(accuracy).toBeLessThanOrEqual(1);
      expect(existsSync(join(writer.dir, 'weights.safetensors'))).toBe(true);
    },
    120_000,
  );

  it.skipIf(noTorch !== null)(
    `Stop while the data is read ends the run stopped, saying no weights were trained${skipped}`,
    async () => {
      // 4 class folders of 600 PNGs: opening them and the statistics pass read every file.
      const folder = join(dir, 'many-images');
      for (const [c, cls] of ['a', 'b', 'c', 'd'].entries()) {
        mkdirSync(join(folder, cls), { recursive: true });
        const img = new PNG({ width: 16, height: 16 });
        img.data.fill(40 * c + 20);
        const bytes = PNG.sync.write(img);
        for (let i = 0; i < 600; i++) writeFileSync(join(folder, cls, `${i}.png`), bytes);
      }
      const doc = buildTemplate('lenet5', { input: [16, 16, 3], classes: 4 }).doc;
      const request = { doc, data: folder, options: { epochs: 5, batchSize: 16 } };
      const writer = createRunStore(runs).create('stop-while-reading', request);
      // Stop is pressed before the trainer has read anything, so it lands while the data is read.
      const signal = { stopped: true };
      const events: TrainingEvent[] = [];
      const outcome = await runOnEngine(
        { ...request, runId: 'stop-while-reading' },
        (e) => events.push(e),
        signal,
        writer,
        { engine: 'pytorch' },
      );
      expect(outcome.ended).toBe('stopped');
      expect(events.map((e) => e.event)).toEqual(['done']);
      expect(events[0]).toMatchObject({
        event: 'done',
        stopped: true,
        testAccuracy: null,
        note: expect.stringContaining('no weights were trained') as unknown,
      });
      const record = JSON.parse(readFileSync(join(writer.dir, 'run.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(record).toMatchObject({ status: 'stopped', epochsDone: 0, hasModel: false });
      expect(record.message).toContain('stopped before training started');
      expect(existsSync(join(writer.dir, 'weights.safetensors'))).toBe(false);
      expect(existsSync(join(writer.dir, 'model.pt'))).toBe(false);
    },
    120_000,
  );

  it('says in one line, exit 2, when there is no Python or no torch', async () => {
    process.env.NETD_PYTHON = join(dir, 'no-such-python');
    resetTorchProbe();
    const { code, err } = await train(['--engine', 'pytorch']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/no Python: .*no-such-python cannot be run \(ENOENT\).*pip install torch/);
  });

  it.skipIf(noTorch !== null)(
    `refuses --device cuda without a GPU and --nproc beyond the devices, in one line (exit 2)${skipped}`,
    async () => {
      const cuda = await train(['--engine', 'pytorch', '--device', 'cuda']);
      expect(cuda.code).toBe(2);
      expect(cuda.err).toMatch(/--device cuda: PyTorch .* sees no CUDA GPU/);
      const many = await train(['--engine', 'pytorch', '--nproc', '64']);
      expect(many.code).toBe(2);
      expect(many.err).toMatch(/--nproc 64 is more than the \d+ CPU cores here/);
      const mixed = await train(['--engine', 'tfjs', '--nproc', '2']);
      expect(mixed.code).toBe(2);
      expect(mixed.err).toContain('--device and --nproc belong to the PyTorch engine');
    },
    60_000,
  );
});
