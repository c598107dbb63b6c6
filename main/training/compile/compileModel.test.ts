import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../network/analyze.ts';
import { buildTemplate, listTemplates } from '../../templates/index.ts';
import { initBackend } from '../backend/initBackend.ts';
import type { Tf } from '../backend/tf.ts';
import { CompileError, compileModel, outputIsSoftmax } from './compileModel.ts';
import { chain, design, everyLayer } from '../../network/testDocs.ts';

let tf: Tf;

beforeAll(async () => {
  ({ tf } = await initBackend('wasm'));
});

function sizeOf(weights: { shape: readonly (number | null)[] }[]): number {
  return weights.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);
}

/** Small inputs keep the test light; a template that refuses one gets the next. */
const SMALL_INPUTS: [number, number, number][] = [
  [32, 32, 3],
  [64, 64, 3],
  [96, 96, 3],
];

describe('compileModel on every template', () => {
  const templates = listTemplates();

  it('covers the whole gallery', () => {
    expect(templates.map((t) => t.id)).toEqual(
      expect.arrayContaining(['lenet5', 'cifar-small', 'alexnet', 'resnet50', 'googlenet']),
    );
  });

  it.each(templates.map((t) => [t.id]))('%s: parameter counts equal the engine’s', (id) => {
    let checked = false;
    for (const input of SMALL_INPUTS) {
      let doc;
      try {
        doc = buildTemplate(id, { input, classes: 7 }).doc;
      } catch {
        continue; // this template cannot take so small an input; try the next size
      }
      const { totals, valid } = analyzeNetwork(doc);
      expect(valid).toBe(true);
      const compiled = compileModel(tf, doc);
      try {
        expect(compiled.model.countParams()).toBe(
          totals.trainableParams + totals.nonTrainableParams,
        );
        expect(sizeOf(compiled.model.trainableWeights)).toBe(totals.trainableParams);
        expect(sizeOf(compiled.model.nonTrainableWeights)).toBe(totals.nonTrainableParams);
        expect(compiled.classes).toBe(7);
        expect(compiled.inputShape).toEqual(input);
        expect(compiled.model.outputs[0]!.shape).toEqual([null, 7]);
      } finally {
        compiled.model.dispose();
      }
      checked = true;
      break;
    }
    expect(checked).toBe(true);
  });
});

describe('compileModel structure', () => {
  it('gives every node the shape the engine computes', () => {
    const doc = everyLayer();
    const analysis = analyzeNetwork(doc);
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const { model } = compileModel(tf, doc);
    for (const id of analysis.order) {
      const layer = model.getLayer(id);
      expect([id, (layer.outputShape as number[]).slice(1)]).toEqual([
        id,
        [...analysis.nodes[id]!.outputShape!],
      ]);
    }
    const totals = analysis.totals;
    expect(model.countParams()).toBe(totals.trainableParams + totals.nonTrainableParams);
    model.dispose();
  });

  it('names layers after node ids, sanitised and unique', () => {
    const doc = chain(
      [8, 8, 1],
      ['Conv2D', { filters: 2, kernelSize: 3, padding: 1 }, 'conv 1'],
      ['Conv2D', { filters: 2, kernelSize: 3 }, 'conv_1'],
      ['GlobalAvgPool2D', {}, 'gap'],
      ['Dense', { units: 2 }, '3out'],
    );
    const { model } = compileModel(tf, doc);
    const names = model.layers.map((l) => l.name);
    expect(names).toEqual(['in', 'conv_1_pad', 'conv_1', 'conv_1_2', 'gap', 'n_3out']);
    model.dispose();
  });

  it('compiles the same design twice in one process', () => {
    const a = compileModel(tf, everyLayer());
    const b = compileModel(tf, everyLayer());
    expect(b.model.countParams()).toBe(a.model.countParams());
    a.model.dispose();
    b.model.dispose();
  });

  it('reports whether the output is already a softmax', () => {
    const logits = chain([4, 4, 1], ['Flatten', {}, 'flat'], ['Dense', { units: 3 }, 'fc']);
    const probs = chain(
      [4, 4, 1],
      ['Flatten', {}, 'flat'],
      ['Dense', { units: 3 }, 'fc'],
      ['Activation', { fn: 'softmax' }, 'sm'],
    );
    expect(compileModel(tf, logits).outputsLogits).toBe(true);
    expect(compileModel(tf, probs).outputsLogits).toBe(false);
    expect(outputIsSoftmax(probs)).toBe(true);
    expect(outputIsSoftmax(buildTemplate('lenet5').doc)).toBe(true);
  });
});

describe('compileModel refuses what it cannot train', () => {
  function compileError(doc: ReturnType<typeof design>): CompileError {
    try {
      compileModel(tf, doc);
    } catch (err) {
      expect(err).toBeInstanceOf(CompileError);
      return err as CompileError;
    }
    throw new Error('expected a CompileError');
  }

  it('names the node of the first design error', () => {
    const err = compileError(
      chain(
        [5, 5, 1],
        ['Conv2D', { filters: 2, kernelSize: 7 }, 'big'],
        ['GlobalAvgPool2D', {}, 'gap'],
        ['Dense', { units: 2 }, 'fc'],
      ),
    );
    expect(err.nodeId).toBe('big');
    expect(err.message).toMatch(/big/);
  });

  it('explains an output that is not a vector of class scores', () => {
    const err = compileError(chain([8, 8, 1], ['Conv2D', { filters: 2, kernelSize: 3 }, 'conv']));
    expect(err.nodeId).toBe('conv');
    expect(err.message).toMatch(/GlobalAvgPool2D or Flatten, then Dense/);
  });

  it('refuses two classifier outputs', () => {
    const err = compileError(
      design(
        [
          ['in', 'Input', { shape: [4, 4, 1] }],
          ['flat', 'Flatten'],
          ['a', 'Dense', { units: 2 }],
          ['b', 'Dense', { units: 2 }],
        ],
        ['in>flat', 'flat>a', 'flat>b'],
      ),
    );
    expect(err.message).toMatch(/2 outputs \('a', 'b'\)/);
  });
});
