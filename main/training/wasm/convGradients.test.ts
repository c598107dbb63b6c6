import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor4D } from '../backend/tfjs.ts';
import { initBackend } from '../backend/initBackend.ts';
import type { Tf } from '../backend/tf.ts';
import { missingTrainingKernels } from './registerWasmConvGradients.ts';

type Pad =
  'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];

interface Case {
  batch: number;
  h: number;
  w: number;
  cin: number;
  kh: number;
  kw: number;
  cout: number;
  strides: [number, number];
  pad: Pad;
}

let tf: Tf;

beforeAll(async () => {
  ({ tf } = await initBackend('wasm'));
  expect(tf.getBackend()).toBe('wasm');
});

/** Deterministic pseudo-random values so a failure reproduces. */
function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s / 1073741824 - 1;
  }
  return out;
}

/** Gradients of a weighted sum of conv2d's output w.r.t. input and filter, on `backend`. */
async function grads(
  c: Case,
  backend: string,
  seed: number,
): Promise<{ dx: Float32Array; dw: Float32Array }> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(values(c.batch * c.h * c.w * c.cin, seed), [c.batch, c.h, c.w, c.cin]);
    const w = tf.tensor4d(values(c.kh * c.kw * c.cin * c.cout, seed + 1), [
      c.kh,
      c.kw,
      c.cin,
      c.cout,
    ]);
    const f = (a: Tensor, b: Tensor) => {
      const y = tf.conv2d(a as Tensor4D, b as Tensor4D, c.strides, c.pad);
      // A non-uniform upstream gradient, so a transposed or shifted result cannot pass by symmetry.
      const weights = tf.tensor(values(y.size, seed + 2), y.shape);
      return tf.sum(tf.mul(y, weights));
    };
    const [dx, dw] = tf.grads(f)([x, w]);
    return { dx: dx!.dataSync() as Float32Array, dw: dw!.dataSync() as Float32Array };
  });
}

function maxRelError(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let scale = 1e-6;
  for (const v of b) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)) / scale);
  return worst;
}

const asym: Pad = [
  [0, 0],
  [1, 2],
  [0, 1],
  [0, 0],
];

const CASES: Case[] = [
  { batch: 1, h: 8, w: 8, cin: 1, kh: 3, kw: 3, cout: 4, strides: [1, 1], pad: 'valid' },
  { batch: 3, h: 9, w: 7, cin: 3, kh: 3, kw: 3, cout: 5, strides: [1, 1], pad: 'same' },
  { batch: 2, h: 11, w: 10, cin: 2, kh: 3, kw: 2, cout: 3, strides: [2, 2], pad: 'same' },
  { batch: 2, h: 11, w: 10, cin: 4, kh: 5, kw: 5, cout: 2, strides: [2, 2], pad: 'valid' },
  { batch: 4, h: 13, w: 12, cin: 3, kh: 3, kw: 5, cout: 6, strides: [3, 3], pad: 'same' },
  { batch: 1, h: 13, w: 14, cin: 2, kh: 4, kw: 3, cout: 3, strides: [3, 2], pad: 'valid' },
  { batch: 2, h: 9, w: 9, cin: 3, kh: 3, kw: 3, cout: 4, strides: [1, 1], pad: asym },
  { batch: 3, h: 10, w: 9, cin: 2, kh: 2, kw: 3, cout: 3, strides: [2, 3], pad: asym },
  { batch: 2, h: 6, w: 6, cin: 2, kh: 1, kw: 1, cout: 3, strides: [2, 2], pad: 'valid' },
  // Padding wider than the kernel: the input gradient falls back to the stock kernel.
  {
    batch: 2,
    h: 5,
    w: 5,
    cin: 2,
    kh: 1,
    kw: 1,
    cout: 3,
    strides: [1, 1],
    pad: [
      [0, 0],
      [1, 1],
      [2, 0],
      [0, 0],
    ],
  },
  { batch: 2, h: 12, w: 12, cin: 3, kh: 5, kw: 4, cout: 2, strides: [2, 2], pad: 'same' },
  {
    batch: 2,
    h: 15,
    w: 15,
    cin: 3,
    kh: 7,
    kw: 7,
    cout: 4,
    strides: [2, 2],
    pad: [
      [0, 0],
      [3, 3],
      [3, 3],
      [0, 0],
    ],
  },
];

describe('wasm convolution gradients (our Conv2DBackpropFilter and Conv2DBackpropInput)', () => {
  it('makes the wasm backend complete for training conv nets', () => {
    expect(missingTrainingKernels(tf, 'wasm')).toEqual([]);
  });

  it.each(CASES.map((c, i) => [i, c] as const))(
    'matches the cpu reference (case %i)',
    async (i, c) => {
      const wasm = await grads(c, 'wasm', 17 + i);
      const cpu = await grads(c, 'cpu', 17 + i);
      expect(maxRelError(wasm.dw, cpu.dw)).toBeLessThan(1e-4);
      expect(maxRelError(wasm.dx, cpu.dx)).toBeLessThan(1e-4);
    },
  );

  it('does not leak backend memory', async () => {
    const c = CASES[4]!;
    await grads(c, 'wasm', 1);
    // The kernel's intermediates live below the engine (backend data ids), so count those too.
    const dataIds = () => tf.findBackend('wasm')!.numDataIds();
    const before = { tensors: tf.memory().numTensors, ids: dataIds() };
    for (let i = 0; i < 3; i++) await grads(c, 'wasm', i);
    expect({ tensors: tf.memory().numTensors, ids: dataIds() }).toEqual(before);
  });
});
