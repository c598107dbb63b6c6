/** Composite expansion: the exact DESIGN.md graphs, wiring, and counts equal to the expansion. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from './analyze.ts';
import { buildTemplate } from '../templates/index.ts';
import { expandComposites, expandNode, ExpandError } from './expand.ts';
import { chain, makeDoc } from './testDocs.ts';
import type { NetworkDoc } from './types.ts';

const goldens = JSON.parse(
  readFileSync(new URL('./goldens/layers.json', import.meta.url), 'utf8'),
) as {
  cases: { name: string; type: string; params: Record<string, unknown>; input: number[] }[];
};
const compositeCases = goldens.cases.filter(
  (c) => c.type === 'Inception' || c.type === 'ResidualBlock',
);

const inputsOf = (doc: NetworkDoc, id: string) =>
  doc.edges.filter((e) => e.target === id).map((e) => e.source);

describe('a composite counts exactly what its expansion counts', () => {
  it.each(compositeCases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const doc = chain(c.input, [c.type, c.params, 'blk'], ['GlobalAvgPool2D', {}, 'gap']);
    const before = analyzeNetwork(doc);
    const expanded = expandComposites(doc);
    const after = analyzeNetwork(expanded);
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(expanded.nodes.some((n) => n.type === c.type)).toBe(false);
    const { trainableParams, nonTrainableParams, macs } = after.totals;
    expect({ trainableParams, nonTrainableParams, macs }).toEqual({
      trainableParams: before.totals.trainableParams,
      nonTrainableParams: before.totals.nonTrainableParams,
      macs: before.totals.macs,
    });
    expect(after.totals.trainingActivationBytes).toBe(before.totals.trainingActivationBytes);
    expect(after.nodes.gap!.outputShape).toEqual(before.nodes.gap!.outputShape);
    const exit = inputsOf(expanded, 'gap')[0]!;
    expect(after.nodes[exit]!.outputShape).toEqual(before.nodes.blk!.outputShape);
    expect(after.nodes[exit]!.receptiveField).toEqual(before.nodes.blk!.receptiveField);
  });
});

describe('residual block expansion', () => {
  it('basic with stride 2 gets a projection shortcut, main path first at the Add', () => {
    const doc = expandComposites(
      chain([56, 56, 64], ['ResidualBlock', { filters: 128, strides: 2 }, 'r']),
    );
    expect(doc.nodes.map((n) => n.id)).toEqual([
      'in',
      'r/conv1',
      'r/bn1',
      'r/relu1',
      'r/conv2',
      'r/bn2',
      'r/shortcut/conv',
      'r/shortcut/bn',
      'r/add',
      'r/relu',
    ]);
    expect(inputsOf(doc, 'r/add')).toEqual(['r/bn2', 'r/shortcut/bn']);
    expect(inputsOf(doc, 'r/shortcut/conv')).toEqual(['in']);
    const conv1 = doc.nodes.find((n) => n.id === 'r/conv1')!;
    expect(conv1.params).toMatchObject({
      filters: 128,
      kernelSize: 3,
      strides: 2,
      padding: 1,
      useBias: false,
    });
  });

  it('identity shortcut when shapes match', () => {
    const doc = expandComposites(
      chain([14, 14, 256], ['ResidualBlock', { variant: 'bottleneck', filters: 64 }, 'r']),
    );
    expect(doc.nodes.some((n) => n.id.startsWith('r/shortcut'))).toBe(false);
    expect(inputsOf(doc, 'r/add')).toEqual(['r/bn3', 'in']);
    // torchvision: stride on the bottleneck's 3×3
    expect(doc.nodes.find((n) => n.id === 'r/conv2')!.params).toMatchObject({
      kernelSize: 3,
      padding: 1,
    });
  });

  it('keeps the identity shortcut when a stride leaves a 1×1 map unchanged (DESIGN.md)', () => {
    const doc = chain([1, 1, 64], ['ResidualBlock', { filters: 64, strides: 2 }, 'r']);
    const expanded = expandComposites(doc);
    expect(expanded.nodes.some((n) => n.id.startsWith('r/shortcut'))).toBe(false);
    // 2 × (3·3·64·64 + BN 2·64), no projection weights.
    expect(analyzeNetwork(doc).nodes.r!.trainableParams).toBe(2 * (9 * 64 * 64 + 128));
    // A stride that does shrink one axis still needs the projection.
    const wide = expandComposites(
      chain([1, 4, 64], ['ResidualBlock', { filters: 64, strides: 2 }, 'r']),
    );
    expect(wide.nodes.some((n) => n.id === 'r/shortcut/conv')).toBe(true);
  });
});

describe('inception expansion', () => {
  it('concatenates 1×1, 3×3, 5×5 and pool branches in that order', () => {
    const doc = expandComposites(
      chain(
        [28, 28, 192],
        ['Inception', { b1: 64, b3r: 96, b3: 128, b5r: 16, b5: 32, poolProj: 32 }, 'i'],
      ),
    );
    expect(inputsOf(doc, 'i/concat')).toEqual(['i/b1', 'i/b3', 'i/b5', 'i/poolProj']);
    expect(inputsOf(doc, 'i/b3')).toEqual(['i/b3r']);
    expect(inputsOf(doc, 'i/poolProj')).toEqual(['i/pool']);
    expect(doc.nodes.find((n) => n.id === 'i/b5')!.params).toMatchObject({
      kernelSize: 5,
      padding: 2,
      activation: 'relu',
    });
    expect(doc.nodes.find((n) => n.id === 'i/pool')!.params).toEqual({
      poolSize: 3,
      strides: 1,
      padding: 1,
    });
  });

  it('with batchNorm: bias-free conv → BatchNorm → ReLU per branch', () => {
    const doc = expandComposites(
      chain(
        [12, 12, 8],
        ['Inception', { b1: 4, b3r: 4, b3: 4, b5r: 4, b5: 4, poolProj: 4, batchNorm: true }, 'i'],
      ),
    );
    expect(inputsOf(doc, 'i/concat')).toEqual([
      'i/b1/relu',
      'i/b3/relu',
      'i/b5/relu',
      'i/poolProj/relu',
    ]);
    expect(inputsOf(doc, 'i/b1/relu')).toEqual(['i/b1/bn']);
    expect(doc.nodes.find((n) => n.id === 'i/b1')!.params).toMatchObject({ useBias: false });
  });
});

describe('expandNode', () => {
  const doc = makeDoc(
    [
      { id: 'in', type: 'Input', params: { shape: [8, 8, 16] }, position: { x: 0, y: 0 } },
      {
        id: 'stem',
        type: 'Conv2D',
        params: { filters: 16, kernelSize: 1 },
        position: { x: 0, y: 100 },
      },
      { id: 'r', type: 'ResidualBlock', params: { filters: 16 }, position: { x: 0, y: 200 } },
      { id: 'add', type: 'Add', params: {}, position: { x: 0, y: 300 } },
    ],
    [
      ['in', 'stem'],
      ['stem', 'add'],
      ['stem', 'r'],
      ['r', 'add'],
    ],
  );

  it('rewires in place and keeps the downstream Add input order', () => {
    const out = expandNode(doc, 'r');
    expect(inputsOf(out, 'add')).toEqual(['stem', 'r/relu']);
    expect(inputsOf(out, 'r/conv1')).toEqual(['stem']);
    expect(analyzeNetwork(out).valid).toBe(true);
  });

  it('places the new nodes around the block and moves later nodes down', () => {
    const out = expandNode(doc, 'r');
    expect(out.nodes.find((n) => n.id === 'r/conv1')!.position).toEqual({ x: 0, y: 200 });
    expect(out.nodes.find((n) => n.id === 'add')!.position!.y).toBeGreaterThan(
      out.nodes.find((n) => n.id === 'r/relu')!.position!.y,
    );
  });

  it('refuses a node that is not a composite, missing, or with several inputs', () => {
    expect(() => expandNode(doc, 'stem')).toThrow(ExpandError);
    expect(() => expandNode(doc, 'nope')).toThrow(/no such node/);
    const twoInputs = { ...doc, edges: [...doc.edges, { source: 'in', target: 'r' }] };
    expect(() => expandNode(twoInputs, 'r')).toThrow(/2 inputs/);
  });

  it('expands a block that is not connected yet', () => {
    const lone = makeDoc(
      [
        { id: 'in', type: 'Input', params: { shape: [8, 8, 3] } },
        {
          id: 'i',
          type: 'Inception',
          params: { b1: 1, b3r: 1, b3: 1, b5r: 1, b5: 1, poolProj: 1 },
        },
      ],
      [],
    );
    const out = expandNode(lone, 'i');
    expect(out.nodes).toHaveLength(9);
    expect(inputsOf(out, 'i/b1')).toEqual([]);
    expect(inputsOf(out, 'i/concat')).toEqual(['i/b1', 'i/b3', 'i/b5', 'i/poolProj']);
  });

  it('leaves a document without composites untouched', () => {
    const plain = chain([8, 8, 1], ['Conv2D', { filters: 2, kernelSize: 3 }]);
    expect(expandComposites(plain)).toBe(plain);
  });
});

describe('activations kept for training', () => {
  it.each(['resnet18', 'googlenet'])('%s keeps the same tensors as blocks and expanded', (id) => {
    const doc = buildTemplate(id).doc;
    const blocks = analyzeNetwork(doc);
    const layers = analyzeNetwork(expandComposites(doc));
    expect(blocks.valid).toBe(true);
    expect(blocks.totals.trainingActivationBytes).toBe(layers.totals.trainingActivationBytes);
    // Without the tensors inside the blocks the figure would be far too small.
    expect(blocks.totals.trainingActivationBytes).toBeGreaterThan(blocks.totals.activationBytes);
    // Expanded there is nothing hidden: what is kept is every layer's output.
    expect(layers.totals.trainingActivationBytes).toBe(layers.totals.activationBytes);
  });

  it("keeps a composite's output as its activation and counts its insides apart", () => {
    const doc = chain([8, 8, 16], ['ResidualBlock', { filters: 16 }, 'blk']);
    const blk = analyzeNetwork(doc).nodes.blk!;
    expect(blk.activationBytes).toBe(8 * 8 * 16 * 4);
    // basic block, identity shortcut: conv, BN, ReLU, conv, BN, Add, ReLU = 7 outputs of 8×8×16.
    expect(blk.trainingActivationBytes).toBe(7 * 8 * 8 * 16 * 4);
    expect(blk.formulas.some((f) => f.startsWith('kept for training'))).toBe(true);
  });

  it('is the output for a primitive', () => {
    const a = analyzeNetwork(chain([8, 8, 3], ['Conv2D', { filters: 4, kernelSize: 3 }, 'c']));
    expect(a.nodes.c!.trainingActivationBytes).toBe(a.nodes.c!.activationBytes);
  });
});
