import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayersModel, Tensor } from '../backend/tfjs.ts';
import { initBackend } from '../backend/initBackend.ts';
import type { Tf } from '../backend/tf.ts';
import { compileModel } from './compileModel.ts';
import { design } from '../../network/testDocs.ts';

/** Written by goldens/make_goldens.py with PyTorch; see there for what each layer exercises. */
const golden = JSON.parse(
  readFileSync(new URL('./goldens/forward.json', import.meta.url), 'utf8'),
) as {
  inputNHWC: number[];
  output: number[];
  c1NHWC: number[];
  catNHWC: number[];
};

const GOLDEN_DOC = design(
  [
    ['in', 'Input', { shape: [9, 9, 3] }],
    ['c1', 'Conv2D', { filters: 4, kernelSize: [3, 2], strides: 2, padding: [1, 2] }],
    ['bn1', 'BatchNorm', { epsilon: 1e-3 }],
    ['mp', 'MaxPool2D', { poolSize: 3, strides: 2, padding: 1 }],
    ['ap', 'AvgPool2D', { poolSize: 3, strides: 2, padding: 1 }],
    ['cat', 'Concat'],
    [
      'c2',
      'Conv2D',
      { filters: 8, kernelSize: 3, dilation: 2, padding: 2, activation: 'leakyRelu' },
    ],
    ['act', 'Activation', { fn: 'gelu' }],
    ['add', 'Add'],
    ['e', 'Activation', { fn: 'elu' }],
    ['lrn', 'LRN', { depthRadius: 1, bias: 1.5, alpha: 0.3, beta: 0.75 }],
    ['gap', 'GlobalAvgPool2D'],
    ['fc1', 'Dense', { units: 5, activation: 'relu6' }],
    ['out', 'Dense', { units: 3 }],
  ],
  [
    'in>c1',
    'c1>bn1',
    'bn1>mp',
    'c1>ap',
    'mp>cat',
    'ap>cat',
    'cat>c2',
    'cat>act',
    'c2>add',
    'act>add',
    'add>e',
    'e>lrn',
    'lrn>gap',
    'gap>fc1',
    'fc1>out',
  ],
  'pytorch golden',
);

/** The generator make_goldens.py uses, on a PyTorch flat index. */
const fillAt = (i: number, seed: number, scale = 0.3, offset = 0) =>
  offset + scale * Math.sin(0.37 * i + seed);
const vector = (n: number, seed: number, scale = 0.3, offset = 0) =>
  Array.from({ length: n }, (_, i) => fillAt(i, seed, scale, offset));

/** A PyTorch [O, C, KH, KW] conv weight laid out as tfjs's [KH, KW, C, O]. */
function convKernel(tf: Tf, [o, c, kh, kw]: number[], seed: number, scale = 0.3): Tensor {
  const out = new Float32Array(o! * c! * kh! * kw!);
  for (let a = 0; a < o!; a++)
    for (let b = 0; b < c!; b++)
      for (let i = 0; i < kh!; i++)
        for (let j = 0; j < kw!; j++)
          out[((i * kw! + j) * c! + b) * o! + a] = fillAt(
            ((a * c! + b) * kh! + i) * kw! + j,
            seed,
            scale,
          );
  return tf.tensor(out, [kh!, kw!, c!, o!]);
}

/** A PyTorch [out, in] linear weight laid out as tfjs's [in, out]. */
function denseKernel(tf: Tf, [o, n]: number[], seed: number, scale: number): Tensor {
  const out = new Float32Array(o! * n!);
  for (let a = 0; a < o!; a++)
    for (let b = 0; b < n!; b++) out[b * o! + a] = fillAt(a * n! + b, seed, scale);
  return tf.tensor(out, [n!, o!]);
}

let tf: Tf;
let model: LayersModel;

beforeAll(async () => {
  ({ tf } = await initBackend('wasm'));
  model = compileModel(tf, GOLDEN_DOC).model;
  model.getLayer('c1').setWeights([convKernel(tf, [4, 3, 3, 2], 1.0), tf.tensor(vector(4, 2.0))]);
  model.getLayer('bn1').setWeights([
    tf.tensor(vector(4, 5.0, 0.2, 1.0)), // gamma
    tf.tensor(vector(4, 6.0, 0.1)), // beta
    tf.tensor(vector(4, 3.0, 0.1)), // moving mean
    tf.tensor(vector(4, 4.0, 0.5, 1.0)), // moving variance
  ]);
  model
    .getLayer('c2')
    .setWeights([convKernel(tf, [8, 8, 3, 3], 7.0, 0.2), tf.tensor(vector(8, 8.0))]);
  model.getLayer('fc1').setWeights([denseKernel(tf, [5, 8], 9.0, 0.5), tf.tensor(vector(5, 10.0))]);
  model
    .getLayer('out')
    .setWeights([denseKernel(tf, [3, 5], 11.0, 0.5), tf.tensor(vector(3, 12.0))]);
});

function outputOf(layer: string): number[] {
  const sub = tf.model({ inputs: model.inputs, outputs: model.getLayer(layer).output as never });
  return tf.tidy(() =>
    Array.from((sub.predict(tf.tensor(golden.inputNHWC, [2, 9, 9, 3])) as Tensor).dataSync()),
  );
}

describe('a compiled design computes what PyTorch computes', () => {
  it('pads a strided non-square convolution like PyTorch (asymmetric explicit padding)', () => {
    expect(outputOf('c1')).toEqual(golden.c1NHWC.map((v) => expect.closeTo(v, 4)));
  });

  it('pools like PyTorch: max pooling pads with −∞, average pooling counts the padding', () => {
    expect(golden.catNHWC.some((v) => v < 0)).toBe(true);
    expect(outputOf('cat')).toEqual(golden.catNHWC.map((v) => expect.closeTo(v, 4)));
  });

  it('matches the whole network’s output (BatchNorm, dilation, GELU, ELU, LRN, ReLU6)', () => {
    expect(outputOf('out')).toEqual(golden.output.map((v) => expect.closeTo(v, 4)));
  });
});
