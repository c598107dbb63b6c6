import { beforeAll, describe, expect, it } from 'vitest';
import type { Tf } from '../backend/tf.ts';
import { initBackend } from '../backend/initBackend.ts';
import type { TrainingEvent } from '../types.ts';
import { loadDataset } from '../data/loadDataset.ts';
import { prepareData } from '../data/prepare.ts';
import { resolveTrainingOptions } from './options.ts';
import { trainLoop } from './loop.ts';
import { tinyCnn } from './testing/tinyModel.ts';
import { withSeededMathRandom } from './seededRandom.ts';

let tf: Tf;

beforeAll(async () => {
  // wasm (with the project's conv-gradient kernel) is the default fallback and far faster than cpu.
  tf = (await initBackend('wasm')).tf;
});

async function synthetic(limit: number) {
  const ds = await loadDataset('synthetic', {
    inputShape: [16, 16, 3],
    limit,
    testLimit: 100,
    seed: 1,
  });
  return prepareData(ds, { validationSplit: 0.2, seed: 1 });
}

describe('trainLoop', () => {
  it('learns synthetic shapes well above chance and keeps tensor counts flat across epochs', async () => {
    const data = await synthetic(400);
    const model = withSeededMathRandom(1, () => tinyCnn(tf, [16, 16, 3], 4));
    const events: TrainingEvent[] = [];
    const tensorsAtEpochEnd: number[] = [];
    const result = await trainLoop({
      tf,
      model,
      outputsLogits: true,
      data,
      options: resolveTrainingOptions({ epochs: 5, batchSize: 16, learningRate: 0.003 }),
      runId: 'r',
      backend: 'cpu',
      emit: (e) => {
        events.push(e);
        if (e.event === 'epoch') tensorsAtEpochEnd.push(tf.memory().numTensors);
      },
      signal: { stopped: false },
    });
    const epochs = events.filter((e) => e.event === 'epoch');
    expect(epochs).toHaveLength(5);
    expect(result.finalOn).toBe('test');
    expect(result.final!.accuracy).toBeGreaterThan(0.7);
    expect(result.final!.confusion.flat().reduce((a, b) => a + b, 0)).toBe(100);
    // Optimizer slots appear during epoch 1; after that nothing may accumulate.
    expect(tensorsAtEpochEnd[4]).toBe(tensorsAtEpochEnd[1]);
    expect(events.some((e) => e.event === 'batch' && e.batch === 1 && e.epoch === 1)).toBe(true);
    model.dispose();
  });

  it('stops within one batch of the signal', async () => {
    const data = await synthetic(200);
    const model = tinyCnn(tf, [16, 16, 3], 4);
    const signal = { stopped: false };
    const batches: number[] = [];
    const result = await trainLoop({
      tf,
      model,
      outputsLogits: true,
      data,
      options: resolveTrainingOptions({ epochs: 3, batchSize: 8 }),
      runId: 'r',
      backend: 'cpu',
      emit: (e) => {
        if (e.event === 'batch') {
          batches.push(e.batch);
          signal.stopped = true;
        }
      },
      signal,
    });
    expect(result.stopped).toBe(true);
    expect(result.epochsDone).toBe(0);
    expect(batches).toEqual([1]);
    model.dispose();
  });

  it('stops early after `patience` epochs without validation improvement', async () => {
    const data = await synthetic(120);
    const model = withSeededMathRandom(2, () => tinyCnn(tf, [16, 16, 3], 4));
    const epochs: number[] = [];
    const result = await trainLoop({
      tf,
      model,
      outputsLogits: true,
      data,
      // A vanishing learning rate leaves validation accuracy flat after the first epoch.
      options: resolveTrainingOptions({
        epochs: 10,
        batchSize: 32,
        learningRate: 1e-9,
        earlyStoppingPatience: 2,
      }),
      runId: 'r',
      backend: 'wasm',
      emit: (e) => {
        if (e.event === 'epoch') epochs.push(e.epoch);
      },
      signal: { stopped: false },
    });
    expect(epochs).toEqual([1, 2, 3]);
    expect(result).toMatchObject({ stopped: false, epochsDone: 3 });
    model.dispose();
  });

  it('stops with an explanation when the loss stops being a number', async () => {
    const data = await synthetic(64);
    // A diverging run is backend- and seed-dependent; NaN pixels are not.
    data.train.source.images.fill(Number.NaN);
    // Linear on purpose: some kernels map relu(NaN) to 0, which would hide the NaN.
    const model = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [16, 16, 3] }), tf.layers.dense({ units: 4 })],
    });
    const batches: number[] = [];
    await expect(
      trainLoop({
        tf,
        model,
        outputsLogits: true,
        data,
        options: resolveTrainingOptions({
          epochs: 3,
          batchSize: 16,
          learningRate: 0.5,
          validationSplit: 0,
        }),
        runId: 'r',
        backend: 'wasm',
        emit: (e) => {
          if (e.event === 'batch') batches.push(e.batch);
        },
        signal: { stopped: false },
      }),
    ).rejects.toThrow(
      'loss became NaN at epoch 1 batch 1 — the learning rate 0.5 is probably too high; try 0.05',
    );
    expect(batches).toEqual([]); // no event carries a NaN loss
    model.dispose();
  });
});
