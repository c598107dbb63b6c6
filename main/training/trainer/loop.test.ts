import { beforeAll, describe, expect, it } from 'vitest';
import type { LayersModel, SymbolicTensor } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import { initBackend } from '../backend/initBackend.ts';
import type { TrainingEvent, TrainingOptions } from '../types.ts';
import { loadDataset } from '../data/loadDataset.ts';
import { prepareData, type PreparedData } from '../data/prepare.ts';
import { resolveTrainingOptions } from './options.ts';
import { trainLoop, type LoopResult } from './loop.ts';
import { tinyCnn } from './testing/tinyModel.ts';
import { compileModel } from '../compile/compileModel.ts';
import { design, everyLayer } from '../../network/testDocs.ts';
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

/** Runs the loop on wasm with the given options (defaults filled in), as run 'r'. */
function train(
  model: LayersModel,
  data: PreparedData,
  options: Partial<TrainingOptions>,
  emit: (e: TrainingEvent) => void,
  more: { outputsLogits?: boolean; signal?: { stopped: boolean } } = {},
): Promise<LoopResult> {
  return trainLoop({
    tf,
    model,
    outputsLogits: more.outputsLogits ?? true,
    data,
    options: resolveTrainingOptions(options),
    runId: 'r',
    backend: 'wasm',
    emit,
    signal: more.signal ?? { stopped: false },
  });
}

describe('trainLoop', () => {
  it('learns synthetic shapes well above chance and keeps tensor counts flat across epochs', async () => {
    const data = await synthetic(400);
    const model = withSeededMathRandom(1, () => tinyCnn(tf, [16, 16, 3], 4));
    const events: TrainingEvent[] = [];
    const tensorsAtEpochEnd: number[] = [];
    const result = await train(
      model,
      data,
      { epochs: 5, batchSize: 16, learningRate: 0.003 },
      (e) => {
        events.push(e);
        if (e.event === 'epoch') tensorsAtEpochEnd.push(tf.memory().numTensors);
      },
    );
    const epochs = events.filter((e) => e.event === 'epoch');
    expect(epochs).toHaveLength(5);
    expect(result.finalOn).toBe('test');
    expect(result.final!.accuracy).toBeGreaterThan(0.6); // chance is 0.25
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
    const result = await train(
      model,
      data,
      { epochs: 3, batchSize: 8 },
      (e) => {
        if (e.event === 'batch') {
          batches.push(e.batch);
          signal.stopped = true;
        }
      },
      { signal },
    );
    expect(result.stopped).toBe(true);
    expect(result.epochsDone).toBe(0);
    expect(result.trainedBatches).toBe(1);
    expect(batches).toEqual([1]);
    // What was trained is still evaluated on the test split.
    expect(result.finalOn).toBe('test');
    expect(result.final!.confusion.flat().reduce((a, b) => a + b, 0)).toBe(100);
    model.dispose();
  });

  it('reports the batch it really stopped at, even between throttled batch events', async () => {
    const data = await synthetic(200);
    const model = tinyCnn(tf, [16, 16, 3], 4);
    const batchesPerEpoch = Math.ceil(data.train.count / 4);
    const seen: { epoch: number; batch: number }[] = [];
    let checks = 0;
    // Stop before the 6th batch of epoch 2: batch events of such fast batches are throttled, so
    // the 5th one was most likely held back.
    const signal = {
      get stopped() {
        checks += 1;
        return checks > batchesPerEpoch + 5;
      },
    };
    const result = await train(
      model,
      data,
      { epochs: 3, batchSize: 4 },
      (e) => {
        if (e.event === 'batch') seen.push({ epoch: e.epoch, batch: e.batch });
      },
      { signal },
    );
    expect(result).toMatchObject({ stopped: true, epochsDone: 1 });
    expect(result.trainedBatches).toBe(batchesPerEpoch + 5);
    expect(seen.at(-1)).toEqual({ epoch: 2, batch: 5 });
    model.dispose();
  });

  it('stops early after `patience` epochs without validation improvement', async () => {
    const data = await synthetic(120);
    const model = withSeededMathRandom(2, () => tinyCnn(tf, [16, 16, 3], 4));
    const epochs: number[] = [];
    const result = await train(
      model,
      data,
      // A vanishing learning rate leaves validation accuracy flat after the first epoch.
      {
        epochs: 10,
        batchSize: 32,
        learningRate: 1e-9,
        earlyStoppingPatience: 2,
      },
      (e) => {
        if (e.event === 'epoch') epochs.push(e.epoch);
      },
    );
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
      train(
        model,
        data,
        {
          epochs: 3,
          batchSize: 16,
          learningRate: 0.5,
          validationSplit: 0,
        },
        (e) => {
          if (e.event === 'batch') batches.push(e.batch);
        },
      ),
    ).rejects.toThrow(
      'loss became NaN at epoch 1 batch 1 — the learning rate 0.5 is probably too high; try 0.05',
    );
    expect(batches).toEqual([]); // no event carries a NaN loss
    model.dispose();
  });

  it('keep-best puts back the weights of the best validation epoch, not the last', async () => {
    const data = await synthetic(240);
    const model = withSeededMathRandom(3, () => tinyCnn(tf, [16, 16, 3], 4));
    const snapshots = new Map<number, Float32Array[]>();
    const valAcc = new Map<number, number>();
    const result = await train(
      model,
      data,
      { epochs: 3, batchSize: 16, learningRate: 0.003 },
      (e) => {
        if (e.event === 'epoch') {
          valAcc.set(e.epoch, e.valAccuracy!);
          snapshots.set(
            e.epoch,
            model.getWeights().map((w) => w.dataSync() as Float32Array),
          );
        }
        // Wreck the model as epoch 3 starts, so the last epoch cannot be the best one.
        if (e.event === 'batch' && e.epoch === 3 && e.batch === 1) {
          const zeros = model.getWeights().map((w) => tf.zerosLike(w));
          model.setWeights(zeros);
          tf.dispose(zeros);
        }
      },
    );
    const bestEpoch = valAcc.get(2)! > valAcc.get(1)! ? 2 : 1;
    expect(valAcc.get(3)!).toBeLessThan(valAcc.get(bestEpoch)!);
    expect(result.valAccuracy).toBe(valAcc.get(bestEpoch));
    const now = model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(now).toEqual(snapshots.get(bestEpoch)!.map((w) => Array.from(w)));
    expect(now).not.toEqual(snapshots.get(3)!.map((w) => Array.from(w)));
    model.dispose();
  });

  it.each(['adam', 'sgd'] as const)(
    'applies the step schedule to the %s optimizer and reports the rate per epoch',
    async (optimizer) => {
      const data = await synthetic(96);
      const model = withSeededMathRandom(4, () => tinyCnn(tf, [16, 16, 3], 4));
      const rates: number[] = [];
      const weightsAt = new Map<number, number[]>();
      await train(
        model,
        data,
        {
          epochs: 3,
          batchSize: 16,
          learningRate: 0.01,
          optimizer,
          schedule: 'step',
          stepEvery: 1,
          stepGamma: 1e-6,
        },
        (e) => {
          if (e.event !== 'epoch') return;
          rates.push(e.learningRate);
          weightsAt.set(
            e.epoch,
            model.getWeights().flatMap((w) => Array.from(w.dataSync())),
          );
        },
      );
      expect(rates[0]).toBe(0.01);
      expect(rates[1]).toBeCloseTo(1e-8, 15);
      const moved = (a: number[], b: number[]): number =>
        Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
      const start = withSeededMathRandom(4, () => tinyCnn(tf, [16, 16, 3], 4));
      const initial = start.getWeights().flatMap((w) => Array.from(w.dataSync()));
      start.dispose();
      // Epoch 1 at 0.01 moves the weights; epochs 2–3 at 1e-8 and 1e-14 leave them (almost) put.
      expect(moved(weightsAt.get(1)!, initial)).toBeGreaterThan(1e-3);
      expect(moved(weightsAt.get(3)!, weightsAt.get(1)!)).toBeLessThan(1e-5);
      model.dispose();
    },
  );

  it('stops a diverging run with an explanation even when the loss stays finite', async () => {
    const data = await synthetic(400);
    // A softmax output clips probabilities, so a huge rate gives a large finite loss, not NaN.
    const input = tf.input({ shape: [16, 16, 3] });
    const flat = tf.layers.flatten().apply(input) as SymbolicTensor;
    const out = tf.layers.dense({ units: 4, activation: 'softmax' }).apply(flat) as SymbolicTensor;
    const model = withSeededMathRandom(5, () => tf.model({ inputs: input, outputs: out }));
    await expect(
      train(
        model,
        data,
        {
          epochs: 5,
          batchSize: 8,
          learningRate: 1e6,
          optimizer: 'sgd',
        },
        () => undefined,
        { outputsLogits: false },
      ),
    ).rejects.toThrow(
      /^training diverged: the loss averages \d+\.\d at epoch 1 batch \d+, .* the learning rate 1000000 is probably too high; try 0\.01$/,
    );
    model.dispose();
  });

  it('keeps tensor counts flat for compiled designs with every layer type and composite block', async () => {
    const layers = everyLayer();
    layers.nodes.find((n) => n.id === 'fc2')!.params['units'] = 4;
    const composites = design(
      [
        ['in', 'Input', { shape: [12, 12, 3] }],
        ['inc', 'Inception', { b1: 2, b3r: 2, b3: 2, b5r: 2, b5: 2, poolProj: 2, batchNorm: true }],
        ['res', 'ResidualBlock', { variant: 'bottleneck', filters: 2, strides: 2 }],
        ['gap', 'GlobalAvgPool2D'],
        ['fc', 'Dense', { units: 4, activation: 'softmax' }],
      ],
      ['in>inc', 'inc>res', 'res>gap', 'gap>fc'],
    );
    for (const doc of [layers, composites]) {
      const ds = await loadDataset('synthetic', {
        inputShape: [12, 12, 3],
        limit: 64,
        testLimit: 16,
        seed: 1,
      });
      const data = prepareData(ds, { validationSplit: 0.25, seed: 1 });
      const { model, outputsLogits } = compileModel(tf, doc);
      const counts: number[] = [];
      await train(
        model,
        data,
        { epochs: 4, batchSize: 16, augment: { flip: true, shift: 0.2 } },
        (e) => {
          if (e.event === 'epoch') counts.push(tf.memory().numTensors);
        },
        { outputsLogits },
      );
      expect(counts[3]).toBe(counts[1]);
      model.dispose();
    }
  });
});
