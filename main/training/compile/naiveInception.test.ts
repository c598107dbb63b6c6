/**
 * The naive Inception module (reductions and pool projection 0) compiles to the layers the engine
 * counts: same output shape, same weights, and a forward pass that runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../network/analyze.ts';
import { initBackend } from '../backend/initBackend.ts';
import type { Tf } from '../backend/tf.ts';
import { compileModel } from './compileModel.ts';
import { chain } from '../../network/testDocs.ts';

let tf: Tf;

beforeAll(async () => {
  ({ tf } = await initBackend('wasm'));
});

describe('naive Inception compiles', () => {
  it.each([
    ['naive', { b1: 4, b3r: 0, b3: 6, b5r: 0, b5: 2, poolProj: 0 }],
    ['naive with BatchNorm', { b1: 4, b3r: 0, b3: 6, b5r: 0, b5: 2, poolProj: 0, batchNorm: true }],
    ['only the 3×3 reduction', { b1: 4, b3r: 3, b3: 6, b5r: 0, b5: 2, poolProj: 0 }],
  ])('%s: weights and output as the engine counts them', (_name, params) => {
    const doc = chain(
      [8, 8, 5],
      ['Inception', params, 'inc'],
      ['GlobalAvgPool2D', {}, 'gap'],
      ['Dense', { units: 3, activation: 'softmax' }, 'fc'],
    );
    const analysis = analyzeNetwork(doc);
    expect(analysis.valid).toBe(true);
    const inc = analysis.nodes.inc!;
    // b1 + b3 + b5 + the pooled input's 5 channels
    expect(inc.outputShape).toEqual([8, 8, 4 + 6 + 2 + 5]);
    const { model } = compileModel(tf, doc);
    try {
      const t = analysis.totals;
      expect(model.countParams()).toBe(t.trainableParams + t.nonTrainableParams);
      const x = tf.ones([2, 8, 8, 5]);
      const y = model.predict(x) as ReturnType<Tf['ones']>;
      expect(y.shape).toEqual([2, 3]);
      tf.dispose([x, y]);
    } finally {
      model.dispose();
    }
  });
});
