import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, removeTempDirs } from '../data/testing/fixtures.ts';
import { convPoolNet } from '../../network/testDocs.ts';
import { resolveTrainingOptions } from '../trainer/options.ts';
import { createRunStore } from './runStore.ts';
import { newRunId } from './paths.ts';

afterAll(removeTempDirs);

const req = { doc: convPoolNet([8, 8, 1], 4), data: 'synthetic', options: { epochs: 2 } };
const description = {
  spec: 'synthetic',
  format: 'synthetic' as const,
  path: null,
  inputShape: [8, 8, 1] as [number, number, number],
  classes: ['a', 'b', 'c', 'd'],
  trainCount: 10,
  testCount: 4,
};

describe('run store', () => {
  it('round-trips a run: record, design snapshot, epoch history, thinned batch losses, result', async () => {
    const store = createRunStore(tempDir('netd-store-'));
    const w = store.create('run-a', req);
    w.record({
      event: 'started',
      runId: 'run-a',
      backend: 'cpu',
      backendNote: 'n',
      data: description,
      options: resolveTrainingOptions(req.options),
      totalBatches: 4,
    });
    for (let epoch = 1; epoch <= 2; epoch++) {
      w.record({
        event: 'batch',
        runId: 'run-a',
        epoch,
        batch: 1,
        batchesPerEpoch: 2,
        loss: 1 / epoch,
        accuracy: 0.5,
        imagesPerSecond: 10,
        etaSeconds: 1,
        memoryBytes: 1,
        numTensors: 1,
      });
      w.record({
        event: 'batch',
        runId: 'run-a',
        epoch,
        batch: 2,
        batchesPerEpoch: 2,
        loss: 0.9 / epoch,
        accuracy: 0.5,
        imagesPerSecond: 10,
        etaSeconds: 1,
        memoryBytes: 1,
        numTensors: 1,
      });
      w.record({
        event: 'epoch',
        runId: 'run-a',
        epoch,
        trainLoss: 1 / epoch,
        trainAccuracy: 0.5,
        valLoss: 1,
        valAccuracy: [0.5, 0.6][epoch - 1]!,
        learningRate: 0.001,
        seconds: 1,
        imagesPerSecond: 10,
      });
    }
    w.record({
      event: 'done',
      runId: 'run-a',
      stopped: false,
      testAccuracy: 0.7,
      valAccuracy: 0.6,
      trainLoss: 0.5,
      imagesPerSecond: 10,
      backend: 'cpu',
      confusion: [[1]],
      classes: ['a'],
    });

    expect(await store.list()).toEqual([
      {
        runId: 'run-a',
        name: 'Tiny test net',
        createdAt: expect.any(String),
        status: 'done',
        data: 'synthetic',
        backend: 'cpu',
        epochsDone: 2,
        bestValAccuracy: 0.6,
        testAccuracy: 0.7,
      },
    ]);
    const d = await store.get('run-a');
    expect(d.doc).toEqual(req.doc);
    expect(d.options.epochs).toBe(2);
    expect(d.epochHistory.map((e) => [e.epoch, e.valAccuracy])).toEqual([
      [1, 0.5],
      [2, 0.6],
    ]);
    // Batch lines closer than the thinning interval are dropped, except each epoch's last batch.
    expect(d.batchLoss.map((p) => p.step)).toEqual(expect.arrayContaining([1, 2, 4]));
    expect(d.confusion).toEqual([[1]]);
    expect(d.hasModel).toBe(false);
    await expect(store.exportModel('run-a', tempDir())).rejects.toThrow(/has no saved model/);
  });

  it('keeps what was logged when the writer dies mid-line, and marks a run whose process is gone as interrupted', async () => {
    const dir = tempDir('netd-store-');
    const store = createRunStore(dir);
    store.create('run-b', req).record({
      event: 'epoch',
      runId: 'run-b',
      epoch: 1,
      trainLoss: 1,
      trainAccuracy: 0.5,
      valLoss: null,
      valAccuracy: null,
      learningRate: 0.001,
      seconds: 1,
      imagesPerSecond: 10,
    });
    writeFileSync(
      join(dir, 'run-b', 'metrics.jsonl'),
      readFileSync(join(dir, 'run-b', 'metrics.jsonl'), 'utf8') + '{"event":"epoch","epo',
    );
    const record = JSON.parse(readFileSync(join(dir, 'run-b', 'run.json'), 'utf8'));
    writeFileSync(
      join(dir, 'run-b', 'run.json'),
      JSON.stringify({ ...record, pid: 2 ** 22 + 12345 }),
    ); // no such process
    const [summary] = await store.list();
    expect(summary).toMatchObject({ runId: 'run-b', status: 'interrupted', epochsDone: 1 });
    expect((await store.get('run-b')).epochHistory).toHaveLength(1);
  });

  it('leaves a live run running, fails a crashed one, deletes, and rejects bad ids', async () => {
    const store = createRunStore(tempDir('netd-store-'));
    store.create('run-c', req);
    expect((await store.list())[0]!.status).toBe('running'); // this process is alive
    await store.markFailed('run-c', 'the training process crashed (exit code 134)');
    expect(await store.get('run-c')).toMatchObject({
      status: 'failed',
      message: 'the training process crashed (exit code 134)',
    });
    await store.delete('run-c');
    expect(await store.list()).toEqual([]);
    await expect(store.get('../etc')).rejects.toThrow(/not a run id/);
    await expect(store.get('nope')).rejects.toThrow(/run nope does not exist/);
    expect(existsSync(store.dir)).toBe(true);
  });

  it('makes sortable unique ids', () => {
    const a = newRunId(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(a).toMatch(/^20260102-030405-[0-9a-f]{6}$/);
    expect(newRunId()).not.toBe(newRunId());
  });
});
