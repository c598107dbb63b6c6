import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../types.ts';
import { FASHION_MNIST_DIR } from '../data/idx.ts';
import { tempDir, removeTempDirs } from '../data/testing/fixtures.ts';
import { createRunStore } from '../runs/runStore.ts';
import type { Tensor } from '../backend/tfjs.ts';
import { initBackend } from '../backend/initBackend.ts';
import { runTraining } from './runTraining.ts';
import { convPoolNet } from '../../network/testDocs.ts';

afterAll(removeTempDirs);

type Done = Extract<TrainingEvent, { event: 'done' }>;
type Failed = Extract<TrainingEvent, { event: 'failed' }>;

async function train(
  req: Parameters<typeof runTraining>[0],
  onEvent?: (e: TrainingEvent, signal: { stopped: boolean }) => void,
) {
  const events: TrainingEvent[] = [];
  const signal = { stopped: false };
  await runTraining(
    req,
    (e) => {
      events.push(e);
      onEvent?.(e, signal);
    },
    signal,
  );
  return events;
}

describe('runTraining', () => {
  it('trains a design file on synthetic shapes, well above chance, and records the run', async () => {
    const store = createRunStore(tempDir('netd-runs-'));
    const doc = convPoolNet([16, 16, 3], 4);
    const req = {
      runId: 'r1',
      doc,
      data: 'synthetic',
      options: {
        epochs: 6,
        batchSize: 16,
        learningRate: 0.005,
        limit: 400,
        testLimit: 100,
        backend: 'wasm' as const,
      },
    };
    const writer = store.create('r1', req);
    const events: TrainingEvent[] = [];
    await runTraining(req, (e) => events.push(e), { stopped: false }, writer);
    const done = events.at(-1) as Done;
    expect(done.event).toBe('done');
    expect(done.testAccuracy).toBeGreaterThan(0.75);
    expect(done.classes).toEqual(['circle', 'square', 'triangle', 'cross']);
    expect(done.confusion).toHaveLength(4);
    expect(events[0]).toMatchObject({
      event: 'started',
      totalBatches: 6 * 23,
      data: { trainCount: 360, testCount: 100 },
    });

    const runs = await store.list();
    expect(runs).toMatchObject([
      { runId: 'r1', status: 'done', epochsDone: 6, name: 'Tiny test net' },
    ]);
    const detail = await store.get('r1');
    expect(detail.epochHistory.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(detail.batchLoss.length).toBeGreaterThan(0);
    expect(detail.hasModel).toBe(true);
    expect(detail.doc).toEqual(doc);
    const exported = await store.exportModel('r1', tempDir());
    const modelJson = JSON.parse(readFileSync(join(exported.path, 'model.json'), 'utf8'));
    expect(modelJson.weightsManifest[0].paths).toEqual(['./weights.bin']);
    expect(existsSync(join(exported.path, 'weights.bin'))).toBe(true);
    expect(
      JSON.parse(readFileSync(join(exported.path, 'preprocessing.json'), 'utf8')).classes,
    ).toHaveLength(4);
    // The exported files load back as a working tfjs model.
    const { tf } = await initBackend('wasm');
    const weights = readFileSync(join(exported.path, 'weights.bin'));
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest[0].weights,
        weightData: weights.buffer.slice(
          weights.byteOffset,
          weights.byteOffset + weights.byteLength,
        ),
      }),
    );
    const probs = loaded.predict(tf.zeros([1, 16, 16, 3])) as Tensor;
    expect(probs.shape).toEqual([1, 4]);
    tf.dispose([probs]);
    loaded.dispose();
  });

  it.skipIf(!existsSync(FASHION_MNIST_DIR))(
    'learns a Fashion-MNIST subset well above chance',
    async () => {
      const events = await train({
        runId: 'f',
        doc: convPoolNet([28, 28, 1], 10),
        data: 'fashion-mnist',
        options: {
          epochs: 2,
          batchSize: 32,
          learningRate: 0.003,
          limit: 600,
          testLimit: 200,
          validationSplit: 0.1,
          backend: 'wasm',
        },
      });
      const done = events.at(-1) as Done;
      expect(done.event).toBe('done');
      expect(done.testAccuracy).toBeGreaterThan(0.5); // chance is 0.1
    },
  );

  it.each(['wasm', 'cpu'] as const)(
    'gives the same metrics for the same seed on %s, and others for another seed',
    async (backend) => {
      const run = async (seed: number) => {
        const events = await train({
          runId: `seed${seed}`,
          doc: convPoolNet([8, 8, 3], 4),
          data: 'synthetic',
          options: { epochs: 2, batchSize: 16, limit: 48, testLimit: 16, seed, backend },
        });
        // Everything but timings and the run id.
        return events
          .filter((e) => e.event === 'epoch' || e.event === 'done')
          .map((e) =>
            e.event === 'epoch'
              ? [e.trainLoss, e.trainAccuracy, e.valLoss, e.valAccuracy]
              : e.event === 'done'
                ? [e.testAccuracy, e.valAccuracy, e.trainLoss, e.confusion]
                : [],
          );
      };
      const first = await run(7);
      expect(first).toHaveLength(3);
      expect(await run(7)).toEqual(first);
      expect(await run(8)).not.toEqual(first);
    },
  );

  it('stops mid-epoch when asked after the first batch', async () => {
    const events = await train(
      {
        runId: 's',
        doc: convPoolNet([16, 16, 3], 4),
        data: 'synthetic',
        options: { epochs: 2, batchSize: 8, limit: 200, backend: 'wasm' },
      },
      (e, signal) => {
        if (e.event === 'batch') signal.stopped = true;
      },
    );
    expect(events.map((e) => e.event)).toEqual(['started', 'batch', 'done']);
    expect((events.at(-1) as Done).stopped).toBe(true);
    // The one batch trained still gives a speed, rather than 0 images/s.
    expect((events.at(-1) as Done).imagesPerSecond).toBeGreaterThan(0);
  });

  it('explains a data/network mismatch with the fix', async () => {
    const events = await train({
      runId: 'm',
      doc: convPoolNet([16, 16, 3], 10),
      data: 'synthetic',
      options: { backend: 'wasm' },
    });
    expect(events).toHaveLength(1);
    expect((events[0] as Failed).message).toMatch(
      /the data has 4 classes but the last Dense layer 'fc' has 10 units — set its units to 4/,
    );
  });

  it('fails with the data error naming the folder, and on invalid options', async () => {
    const missing = join(tempDir(), 'nowhere');
    const a = await train({
      runId: 'd',
      doc: convPoolNet([16, 16, 3], 4),
      data: missing,
      options: {},
    });
    expect((a[0] as Failed).message).toBe(`data folder ${missing} does not exist`);
    const b = await train({
      runId: 'o',
      doc: convPoolNet([16, 16, 3], 4),
      data: 'synthetic',
      options: { learningRate: -1 },
    });
    expect((b[0] as Failed).message).toMatch(/learningRate: Learning rate must be above 0/);
  });
});
