/**
 * Every layer type of the catalog, with the params a new node starts with, goes through analysis
 * and the compiler, and the two agree on shapes and counts. Adding a layer type to the registry
 * adds it here without touching this file; a type the compiler cannot build fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../network/analyze.ts';
import { getLayerDef, LAYER_TYPES } from '../../network/catalog/registry.ts';
import type { NetworkDoc, NetworkNode } from '../../network/types.ts';
import { initBackend } from '../backend/initBackend.ts';
import type { Tf } from '../backend/tf.ts';
import { CompileError, compileModel } from './compileModel.ts';
import { readParams } from './params.ts';
import { design } from '../../network/testDocs.ts';

let tf: Tf;

beforeAll(async () => {
  ({ tf } = await initBackend('wasm'));
});

const IN: [string, string, Record<string, unknown>] = ['in', 'Input', { shape: [8, 8, 4] }];

/**
 * A small classifier around one node `x` of `type` with `params`: fed by as many 1×1 conv branches
 * as it needs inputs (a Flatten for Dense), followed by global pooling when it outputs a map.
 */
function around(type: string, params: Record<string, unknown>): NetworkDoc {
  if (type === 'Input')
    return design(
      [
        ['x', 'Input', params],
        ['gap', 'GlobalAvgPool2D'],
        ['out', 'Dense', { units: 3 }],
      ],
      ['x>gap', 'gap>out'],
    );
  const def = getLayerDef(type)!;
  const nodes: [string, string, Record<string, unknown>?][] = [IN];
  const edges: string[] = [];
  if (type === 'Dense') {
    nodes.push(['flat', 'Flatten']);
    edges.push('in>flat', 'flat>x');
  } else {
    for (let i = 0; i < def.info.minInputs; i++) {
      nodes.push([`b${i}`, 'Conv2D', { filters: 4, kernelSize: 1 }]);
      edges.push(`in>b${i}`, `b${i}>x`);
    }
  }
  nodes.push(['x', type, params]);
  const probe = analyzeNetwork(design(nodes, edges));
  const spatial = probe.nodes['x']?.outputShape?.length === 3;
  if (spatial) {
    nodes.push(['gap', 'GlobalAvgPool2D']);
    edges.push('x>gap');
  }
  nodes.push(['out', 'Dense', { units: 3 }]);
  edges.push(`${spatial ? 'gap' : 'x'}>out`);
  return design(nodes, edges, `every-${type}`);
}

function sizeOf(weights: { shape: readonly (number | null)[] }[]): number {
  return weights.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);
}

describe('every catalog layer type', () => {
  it.each(LAYER_TYPES.map((t) => [t]))('%s: its defaults pass its own rules', (type) => {
    const def = getLayerDef(type)!;
    for (const spec of def.info.params) {
      if (spec.default === undefined) continue;
      const raw = { ...def.info.initialParams, [spec.name]: spec.default };
      expect(def.check(raw, def.resolve(raw), { id: 'x', name: 'x' })).toEqual([]);
      expect(def.schema.safeParse(raw).success).toBe(true);
    }
  });

  it.each(LAYER_TYPES.map((t) => [t]))(
    '%s: starts valid, compiles, and the compiled counts equal the engine’s',
    (type) => {
      const doc = around(type, { ...getLayerDef(type)!.info.initialParams });
      const analysis = analyzeNetwork(doc);
      expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const { model, classes } = compileModel(tf, doc);
      try {
        const { trainableParams, nonTrainableParams } = analysis.totals;
        expect(classes).toBe(3);
        expect(sizeOf(model.trainableWeights)).toBe(trainableParams);
        expect(sizeOf(model.nonTrainableWeights)).toBe(nonTrainableParams);
      } finally {
        model.dispose();
      }
    },
  );
});

describe('design validation and the compiler agree on limits', () => {
  /** The design's first error and the compiler's refusal, side by side. */
  function verdicts(node: NetworkNode): { design: string | undefined; compiler: string } {
    const doc = around(node.type, node.params);
    const design = analyzeNetwork(doc).problems.find((p) => p.severity === 'error');
    try {
      compileModel(tf, doc).model.dispose();
      return { design: design?.message, compiler: '' };
    } catch (err) {
      expect(err).toBeInstanceOf(CompileError);
      return { design: design?.message, compiler: (err as Error).message };
    }
  }

  it('refuses BatchNorm epsilon 0 in both, naming node and param', () => {
    const { design, compiler } = verdicts({
      id: 'x',
      type: 'BatchNorm',
      params: { epsilon: 0 },
    });
    expect(design).toBe("BatchNorm 'x': 'epsilon' must be above 0 (got 0)");
    expect(compiler).toBe(`the design cannot be trained yet: ${design}`);
    // The compiler's own reading, for a caller that skipped validation, says the same.
    expect(() =>
      readParams({ id: 'x', type: 'BatchNorm', params: { epsilon: 0 } }, 'BatchNorm'),
    ).toThrow(new CompileError(design!, 'x'));
  });

  it('accepts a tiny positive epsilon in both', () => {
    expect(verdicts({ id: 'x', type: 'BatchNorm', params: { epsilon: 1e-12 } })).toEqual({
      design: undefined,
      compiler: '',
    });
  });

  it('says a kernel size of 0 must be at least 1', () => {
    const { design } = verdicts({ id: 'x', type: 'Conv2D', params: { filters: 2, kernelSize: 0 } });
    expect(design).toBe("Conv2D 'x': 'kernelSize' must be at least 1 (got 0)");
  });
});
