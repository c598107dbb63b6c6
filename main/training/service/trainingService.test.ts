import { afterAll, describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../types.ts';
import { tempDir, removeTempDirs } from '../data/testing/fixtures.ts';
import { convPoolNet } from '../../network/testDocs.ts';
import { forkTrainer } from '../process/forkTrainer.ts';
import { createTrainingService, exitReason } from './trainingService.ts';

afterAll(removeTempDirs);

function waitFor(
  events: TrainingEvent[],
  runId: string,
  pred: (e: TrainingEvent) => boolean,
): Promise<TrainingEvent> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const hit = events.find((e) => e.runId === runId && pred(e));
      if (hit) {
        clearInterval(timer);
        resolve(hit);
      }
    }, 20);
  });
}

const request = (epochs: number) => ({
  doc: convPoolNet([16, 16, 3], 4),
  data: 'synthetic',
  options: { epochs, batchSize: 16, limit: 160, testLimit: 40, backend: 'wasm' as const },
});

describe('training service (child process)', () => {
  it('trains in a child process: start → started/batch/epoch events → done, and the run is stored', async () => {
    const service = createTrainingService({ runsDir: tempDir('netd-svc-') });
    const events: TrainingEvent[] = [];
    service.onEvent((e) => events.push(e));
    const { runId } = await service.start(request(2));
    expect(service.activeRuns()).toEqual([runId]);
    const done = await waitFor(events, runId, (e) => e.event === 'done' || e.event === 'failed');
    expect(done).toMatchObject({ event: 'done', stopped: false, backend: 'wasm' });
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(['started', 'batch', 'epoch']),
    );
    expect(events.filter((e) => e.event === 'epoch')).toHaveLength(2);
    const detail = await service.runs.get(runId);
    expect(detail).toMatchObject({ status: 'done', epochsDone: 2, hasModel: true });
    await service.dispose();
  });

  it('turns a crashed trainer into a failed event and a failed run, keeping what was logged', async () => {
    let child: ReturnType<typeof forkTrainer> | null = null;
    const service = createTrainingService({
      runsDir: tempDir('netd-svc-'),
      spawn: () => (child = forkTrainer()),
    });
    const events: TrainingEvent[] = [];
    service.onEvent((e) => {
      events.push(e);
      if (e.event === 'batch') child?.kill(); // simulate a native crash mid-epoch
    });
    const { runId } = await service.start(request(50));
    const failed = await waitFor(events, runId, (e) => e.event === 'failed');
    expect(failed).toMatchObject({
      event: 'failed',
      // kill() sends SIGTERM; the message says how the process ended.
      message: expect.stringMatching(/^the training process crashed \(ended by SIGTERM\)/),
    });
    const detail = await service.runs.get(runId);
    expect(detail.status).toBe('failed');
    expect(detail.message).toMatch(/crashed/);
    // The batch lines the trainer logged before it died are still there.
    expect(detail.batchLoss.length).toBeGreaterThan(0);
    await service.dispose();
  });

  it('stops a run mid-epoch: stop() resolves after the done event and the run is stored as stopped', async () => {
    const service = createTrainingService({ runsDir: tempDir('netd-svc-') });
    const events: TrainingEvent[] = [];
    service.onEvent((e) => events.push(e));
    const { runId } = await service.start(request(50));
    await waitFor(events, runId, (e) => e.event === 'batch');
    await service.stop(runId);
    const done = events.find((e) => e.event === 'done');
    expect(done).toMatchObject({ event: 'done', stopped: true });
    expect(events.some((e) => e.event === 'epoch' && e.epoch === 50)).toBe(false);
    expect((await service.runs.get(runId)).status).toBe('stopped');
    expect(service.activeRuns()).toEqual([]);
    await service.dispose();
  });

  it('diagnoses the environment in a trainer process once per session, again on refresh', async () => {
    let spawned = 0;
    const service = createTrainingService({
      runsDir: tempDir('netd-svc-'),
      spawn: () => (spawned++, forkTrainer()),
    });
    // Two checks asked for at once share one trainer process.
    const [report, same] = await Promise.all([service.environment(), service.environment()]);
    expect(report.backends.map((b) => b.name)).toEqual([
      'tensorflow-gpu',
      'tensorflow',
      'wasm',
      'cpu',
    ]);
    expect(report.backends.find((b) => b.name === 'cpu')!.available).toBe(true);
    // The PyTorch engine's part is there too (available or with the reason it is not).
    expect(report.engine?.pytorch.reason).toEqual(expect.any(String));
    expect(same).toBe(report);
    expect(await service.environment()).toBe(report);
    expect(spawned).toBe(1);
    const fresh = await service.environment({ refresh: true });
    expect(spawned).toBe(2);
    expect(fresh.backends.map((b) => b.available)).toEqual(report.backends.map((b) => b.available));
    await service.dispose();
  });

  it('rejects a request whose data does not fit before starting any process', async () => {
    let spawned = 0;
    const service = createTrainingService({
      runsDir: tempDir('netd-svc-'),
      spawn: () => (spawned++, forkTrainer()),
    });
    await expect(
      service.start({ doc: convPoolNet([16, 16, 3], 10), data: 'synthetic', options: {} }),
    ).rejects.toMatchObject({
      name: 'TrainingError',
      message: expect.stringMatching(/data has 4 classes .* set its units to 4/),
    });
    await expect(
      service.start({
        doc: convPoolNet([16, 16, 3], 4),
        data: 'synthetic',
        options: { epochs: 0 },
      }),
    ).rejects.toThrow(/Epochs must be at least 1/);
    expect(spawned).toBe(0);
    expect(await service.runs.list()).toEqual([]);
    await service.dispose();
  });

  it('says how a trainer process ended, hinting at memory for SIGKILL', () => {
    expect(exitReason(null, 'SIGKILL')).toMatch(/SIGKILL — the system may have run out of memory/);
    expect(exitReason(null, 'SIGSEGV')).toBe('ended by SIGSEGV');
    expect(exitReason(3, null)).toBe('exit code 3');
  });
});
