/**
 * The app's path to the PyTorch engine: `training:start` with `engine: 'pytorch'` through the same
 * dispatcher, API and training service the dashboard uses, in a forked trainer process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../api/createApi.ts';
import { dispatchApiCall } from '../../api/dispatch.ts';
import { buildTemplate } from '../../templates/index.ts';
import { createTrainingService } from '../service/trainingService.ts';
import type { EnvironmentReport, TrainingEvent } from '../types.ts';
import { outsideAsar, torchUnavailableReason } from './python.ts';

const noTorch = torchUnavailableReason();
const skipped = noTorch ? ` — skipped: ${noTorch}` : '';
const base = mkdtempSync(join(tmpdir(), 'netd-app-engine-'));
const service = createTrainingService({ runsDir: join(base, 'runs') });
const api = createApi({
  host: 'web',
  homeDir: base,
  dataDir: join(base, 'home'),
  training: service,
});
const savedPython = process.env.NETD_PYTHON;
afterEach(() => {
  if (savedPython === undefined) delete process.env.NETD_PYTHON;
  else process.env.NETD_PYTHON = savedPython;
});
afterAll(async () => {
  await service.dispose();
  rmSync(base, { recursive: true, force: true });
});

/** LeNet-5 for the 4 synthetic classes at 16×16, a few images: seconds on one shared core. */
const request = (extra: Record<string, unknown>): Record<string, unknown> => ({
  doc: buildTemplate('lenet5', { input: [16, 16, 3], classes: 4 }).doc,
  data: 'synthetic',
  options: { epochs: 1, limit: 64, testLimit: 32, batchSize: 16 },
  ...extra,
});

/** Calls a channel as a host does; the result, or the error's message as a rejection. */
async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const reply = await dispatchApiCall(api, channel, payload, () => undefined);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
}

/** Starts a run and resolves with its events once it has ended (done or failed). */
async function runToEnd(payload: Record<string, unknown>): Promise<TrainingEvent[]> {
  const events: TrainingEvent[] = [];
  let runId = '';
  let ended: () => void = () => undefined;
  const over = new Promise<void>((resolve) => (ended = resolve));
  const off = api.onTrainingEvent((e) => {
    events.push(e);
    if (e.runId === runId && (e.event === 'done' || e.event === 'failed')) ended();
  });
  runId = (await call<{ runId: string }>('training:start', payload)).runId;
  if (events.some((e) => e.runId === runId && (e.event === 'done' || e.event === 'failed')))
    ended();
  await over;
  off();
  return events.filter((e) => e.runId === runId);
}

describe('training:start with an engine', () => {
  it.skipIf(noTorch !== null)(
    `trains on PyTorch through the app's API: started, epoch and done events, and a run record${skipped}`,
    async () => {
      const events = await runToEnd(request({ engine: 'pytorch', device: 'cpu' }));
      const kinds = events.map((e) => e.event);
      expect(kinds, JSON.stringify(events.at(-1))).toContain('done');
      const started = events.find((e) => e.event === 'started');
      expect(started).toMatchObject({ engine: 'pytorch', backend: 'pytorch-cpu' });
      if (started?.event === 'started') expect(started.backendNote).toMatch(/PyTorch .*as asked/);
      expect(kinds).toContain('epoch');
      const done = events.find((e) => e.event === 'done');
      expect(done).toMatchObject({ engine: 'pytorch', stopped: false });
      if (done?.event === 'done') expect(done.testAccuracy).toBeGreaterThanOrEqual(0);
      const record = await call<{ status: string }>('runs:get', { runId: done!.runId });
      expect(record.status).toBe('done');
    },
    120_000,
  );

  it('reports a Python that cannot run as a failed run with the reason, and the host goes on', async () => {
    process.env.NETD_PYTHON = join(base, 'no-such-python');
    const events = await runToEnd(request({ engine: 'pytorch' }));
    const failed = events.find((e) => e.event === 'failed');
    expect(failed?.event === 'failed' && failed.message).toMatch(/no-such-python/);
    expect(service.activeRuns()).toEqual([]);
  }, 60_000);

  it('refuses contradictory engine settings at Start, naming them', async () => {
    await expect(
      call('training:start', request({ engine: 'tfjs', device: 'cpu' })),
    ).rejects.toThrow(/--device and --nproc belong to the PyTorch engine/);
    await expect(call('training:start', request({ engine: 'jax' }))).rejects.toThrow(/engine/);
  });

  it('tells the dashboard what auto would pick and whether PyTorch can run', async () => {
    const env = await call<EnvironmentReport>('training:environment');
    expect(env.engine?.auto.reason).toMatch(/PyTorch|TensorFlow\.js/);
    expect(env.engine?.pytorch.available).toBe(noTorch === null);
  }, 120_000);
});

describe('the Python sources in the packaged app', () => {
  it('are read from app.asar.unpacked, where Python can open them', () => {
    expect(outsideAsar('/opt/NetDesigner/resources/app.asar/main/training/pytorch/')).toBe(
      '/opt/NetDesigner/resources/app.asar.unpacked/main/training/pytorch/',
    );
    expect(outsideAsar('C:\\NetDesigner\\resources\\app.asar\\main\\training\\pytorch\\')).toBe(
      'C:\\NetDesigner\\resources\\app.asar.unpacked\\main\\training\\pytorch\\',
    );
    expect(outsideAsar('/work/main/training/pytorch/')).toBe('/work/main/training/pytorch/');
  });
});
