import { beforeAll, describe, expect, it } from 'vitest';
import type { io, LayersModel, Scalar, Tensor, Tensor4D } from '../backend/tfjs.ts';
import { initBackend } from '../backend/initBackend.ts';
import type { Tf } from '../backend/tf.ts';
import { compileModel, registerCustomLayers } from './compileModel.ts';
import { chain, everyLayer } from '../../network/testDocs.ts';
import type { NetworkDoc } from '../../network/types.ts';

let tf: Tf;

beforeAll(async () => {
  ({ tf } = await initBackend('wasm'));
});

/** The output of node `layerId` for `input` ([H,W,C] values, batch 1). */
function probe(doc: NetworkDoc, layerId: string, input: number[][][]): number[] {
  const { model } = compileModel(tf, doc);
  try {
    const sub = tf.model({
      inputs: model.inputs,
      outputs: model.getLayer(layerId).output as never,
    });
    return tf.tidy(() => Array.from((sub.predict(tf.tensor4d([input])) as Tensor).dataSync()));
  } finally {
    model.dispose();
  }
}

const grid = (h: number, w: number, f: (y: number, x: number) => number): number[][][] =>
  Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => [f(y, x)]));

/** Input → X → Flatten → Dense: the smallest valid design around one layer under test. */
function around(shape: number[], node: [string, string, Record<string, unknown>]): NetworkDoc {
  return chain(
    shape,
    [node[1], node[2], node[0]],
    ['Flatten', {}, 'flat'],
    ['Dense', { units: 2 }, 'fc'],
  );
}

describe('layer semantics match DESIGN.md (PyTorch / TensorFlow)', () => {
  it('pads max pooling with −∞, so negative borders are not replaced by 0', () => {
    const doc = around([3, 3, 1], ['mp', 'MaxPool2D', { poolSize: 3, strides: 1, padding: 1 }]);
    const out = probe(
      doc,
      'mp',
      grid(3, 3, (y, x) => -1 - y * 3 - x),
    );
    // Corner window sees -1,-2,-4,-5 → max -1; zero padding would give 0.
    expect(out[0]).toBe(-1);
    expect(out[8]).toBe(-5);
  });

  it('pads max pooling with built-in layers where that is exact, so saved models stay portable', () => {
    const classes = (doc: NetworkDoc) => {
      const { model } = compileModel(tf, doc);
      const names = model.layers.map((l) => l.getClassName());
      model.dispose();
      return names;
    };
    const pool = { poolSize: 3, strides: 2, padding: 1 };
    // 8×8, 3/2 pad 1: 'same' would pad 0 on top, so not equivalent; after ReLU zero padding is exact.
    const afterRelu = chain(
      [8, 8, 2],
      ['Activation', { fn: 'relu' }, 'relu'],
      ['MaxPool2D', pool, 'mp'],
      ['GlobalAvgPool2D', {}, 'gap'],
      ['Dense', { units: 2 }, 'fc'],
    );
    expect(classes(afterRelu)).toEqual([
      'InputLayer',
      'Activation',
      'ZeroPadding2D',
      'MaxPooling2D',
      'GlobalAveragePooling2D',
      'Dense',
    ]);
    const afterTanh = chain(
      [8, 8, 2],
      ['Activation', { fn: 'tanh' }, 'tanh'],
      ['MaxPool2D', pool, 'mp'],
      ['GlobalAvgPool2D', {}, 'gap'],
      ['Dense', { units: 2 }, 'fc'],
    );
    expect(classes(afterTanh)).toContain('NetdPaddedMaxPool2D');
    // 7×7, 3/2 pad 1: 'same' pads 1 on each side too, so it is used.
    const sameLike = around([7, 7, 1], ['mp', 'MaxPool2D', pool]);
    expect(classes(sameLike)).toEqual(['InputLayer', 'MaxPooling2D', 'Flatten', 'Dense']);
    const x = grid(7, 7, (y, xx) => -1 - ((y * 7 + xx) % 5));
    const out = probe(sameLike, 'mp', x);
    // Top-left window covers rows 0–1, cols 0–1 of x: values −1, −2, −3, −4 (and −∞ padding).
    expect(out[0]).toBe(-1);
  });

  it('counts the zero padding in average pooling (count_include_pad)', () => {
    const doc = around([3, 3, 1], ['ap', 'AvgPool2D', { poolSize: 3, strides: 1, padding: 1 }]);
    const out = probe(
      doc,
      'ap',
      grid(3, 3, () => 1),
    );
    expect(out[0]).toBeCloseTo(4 / 9, 6);
    expect(out[4]).toBeCloseTo(1, 6);
  });

  it('uses TensorFlow LRN: x / (bias + alpha·Σx²)^beta over 2r+1 channels', () => {
    const doc = chain(
      [1, 1, 3],
      ['LRN', { depthRadius: 1, bias: 2, alpha: 0.5, beta: 0.75 }, 'lrn'],
      ['Flatten', {}, 'flat'],
      ['Dense', { units: 2 }, 'fc'],
    );
    const out = probe(doc, 'lrn', [[[1, 2, 3]]]);
    const expected = [
      1 / (2 + 0.5 * 5) ** 0.75,
      2 / (2 + 0.5 * 14) ** 0.75,
      3 / (2 + 0.5 * 13) ** 0.75,
    ];
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });

  it('converts PyTorch BatchNorm momentum and keeps epsilon', () => {
    const doc = around([2, 2, 3], ['bn', 'BatchNorm', { momentum: 0.1, epsilon: 1e-3 }]);
    const { model } = compileModel(tf, doc);
    const config = model.getLayer('bn').getConfig();
    expect(config.momentum).toBeCloseTo(0.9, 10);
    expect(config.epsilon).toBe(1e-3);
    expect(config.scale).toBe(true);
    expect(config.center).toBe(true);
    model.dispose();
  });

  it('moves the running mean by PyTorch’s momentum in a training step', () => {
    const { model } = compileModel(tf, around([2, 2, 1], ['bn', 'BatchNorm', { momentum: 0.1 }]));
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 1]); // batch mean 4.5
    const sgd = tf.train.sgd(0);
    sgd.minimize(() => tf.mean(model.apply(x, { training: true }) as Tensor) as Scalar);
    const [mean, variance] = model
      .getLayer('bn')
      .getWeights()
      .slice(2)
      .map((w) => w.dataSync()[0]!);
    // PyTorch: running = (1 − momentum)·running + momentum·batch, from 0 and 1.
    expect(mean).toBeCloseTo(0.9 * 0 + 0.1 * 4.5, 5);
    // tfjs uses the biased batch variance (5.25); PyTorch the unbiased one (6): a n/(n−1) difference.
    expect(variance).toBeCloseTo(0.9 * 1 + 0.1 * 5.25, 5);
    tf.dispose([x]);
    sgd.dispose();
    model.dispose();
  });

  it('uses PyTorch’s leakyRelu slope 0.01 and exact GELU', () => {
    const leaky = around([1, 2, 1], ['a', 'Activation', { fn: 'leakyRelu' }]);
    expect(probe(leaky, 'a', [[[-1], [2]]])).toEqual([expect.closeTo(-0.01, 7), 2]);
    const gelu = around([1, 2, 1], ['g', 'Activation', { fn: 'gelu' }]);
    const [g1, gm1] = probe(gelu, 'g', [[[1], [-1]]]);
    expect(g1).toBeCloseTo(0.841345, 4);
    expect(gm1).toBeCloseTo(-0.158655, 4);
  });

  it('computes a strided dilated convolution exactly, and can differentiate it', () => {
    const doc = around(
      [9, 9, 2],
      ['dc', 'Conv2D', { filters: 3, kernelSize: 3, dilation: 2, strides: 2, padding: 1 }],
    );
    const { model } = compileModel(tf, doc);
    const layer = model.getLayer('dc');
    const [kernel, bias] = layer.getWeights() as [Tensor4D, Tensor];
    const x = tf.randomNormal([2, 9, 9, 2]) as Tensor4D;
    const sub = tf.model({ inputs: model.inputs, outputs: layer.output as never });
    const got = sub.predict(x) as Tensor;
    // Reference: tfjs forward dilated conv (stride 1 only) on the padded input, then subsample.
    const padded = tf.pad(x, [
      [0, 0],
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
    const full = tf.add(tf.conv2d(padded, kernel, 1, 'valid', 'NHWC', 2), bias);
    const want = tf.stridedSlice(full, [0, 0, 0, 0], full.shape, [1, 2, 2, 1]);
    expect(got.shape).toEqual([2, 4, 4, 3]);
    expect(tf.max(tf.abs(tf.sub(got, want))).dataSync()[0]).toBeLessThan(1e-5);
    const grads = tf.grads((w: Tensor) =>
      tf.sum(tf.conv2d(x, w as Tensor4D, 1, 'same', 'NHWC', 1)),
    );
    expect(() => grads([kernel])).not.toThrow();
    const { value, grads: g } = tf.variableGrads(() => tf.sum(sub.apply(x) as Tensor) as never);
    expect(Number.isFinite(value.dataSync()[0])).toBe(true);
    expect(Object.keys(g).length).toBe(2);
    model.dispose();
  });
});

describe('compiled models train and reload', () => {
  async function roundTrip(model: LayersModel): Promise<LayersModel> {
    let saved: io.ModelArtifacts | null = null;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    registerCustomLayers(tf);
    return tf.loadLayersModel(tf.io.fromMemory(saved!));
  }

  it('reloads a saved model with the custom layers and predicts the same', async () => {
    const { model } = compileModel(tf, everyLayer());
    const x = tf.randomNormal([2, 12, 12, 3]);
    const before = (model.predict(x) as Tensor).dataSync();
    const loaded = await roundTrip(model);
    const after = (loaded.predict(x) as Tensor).dataSync();
    expect(Array.from(after)).toEqual(Array.from(before).map((v) => expect.closeTo(v, 5)));
    model.dispose();
    loaded.dispose();
  });

  it('gets the same gradients on wasm as on the cpu reference, for every layer type', async () => {
    const gradsOn = async (backend: string, weights: Tensor[] | null) => {
      await tf.setBackend(backend);
      const { model } = compileModel(tf, everyLayer());
      if (weights) model.setWeights(weights);
      const x = tf.tensor4d(
        Array.from({ length: 2 * 12 * 12 * 3 }, (_, i) => Math.sin(i)),
        [2, 12, 12, 3],
      );
      const labels = tf.oneHot(tf.tensor1d([0, 2], 'int32'), 3);
      const { grads } = tf.variableGrads(
        // training: true would add random dropout masks; BatchNorm is checked in inference mode here.
        () =>
          tf.losses.softmaxCrossEntropy(
            labels,
            model.apply(x, { training: false }) as Tensor,
          ) as never,
      );
      const out = Object.fromEntries(
        Object.entries(grads).map(([k, g]) => [k.replace(/_\d+$/, ''), Array.from(g.dataSync())]),
      );
      const w = model.getWeights().map((t) => tf.tensor(t.dataSync(), t.shape));
      model.dispose();
      return { out, w };
    };
    const wasm = await gradsOn('wasm', null);
    const cpu = await gradsOn('cpu', wasm.w);
    await tf.setBackend('wasm');
    expect(Object.keys(wasm.out).sort()).toEqual(Object.keys(cpu.out).sort());
    for (const [name, g] of Object.entries(wasm.out)) {
      const ref = cpu.out[name]!;
      const scale = Math.max(1e-6, ...ref.map(Math.abs));
      const worst = Math.max(...g.map((v, i) => Math.abs(v - ref[i]!) / scale));
      expect([name, worst < 1e-3]).toEqual([name, true]);
    }
  });
});
