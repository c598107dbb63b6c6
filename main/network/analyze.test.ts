/** Validation: every problem code, messages students read, fixes, and partial results. */
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from './analyze.ts';
import { chain, makeDoc } from './testDocs.ts';
import type { NetworkDoc, NetworkNode, ProblemCode } from './types.ts';

const input = (shape = [32, 32, 3], id = 'in'): NetworkNode => ({
  id,
  type: 'Input',
  params: { shape },
});
const conv = (id: string, params: Record<string, unknown> = {}): NetworkNode => ({
  id,
  type: 'Conv2D',
  params: { filters: 8, kernelSize: 3, padding: 'same', ...params },
});

interface Case {
  code: ProblemCode;
  doc: NetworkDoc;
  nodeId?: string;
  param?: string;
  says?: string;
}

const cases: Case[] = [
  {
    code: 'unknown-type',
    doc: chain([8, 8, 1], ['Conv3D', {}, 'c']),
    nodeId: 'c',
    says: "unknown layer type 'Conv3D'",
  },
  {
    code: 'unknown-param',
    doc: chain([8, 8, 1], ['Conv2D', { filters: 2, kernelSize: 3, size: 3 }, 'c']),
    nodeId: 'c',
    param: 'size',
  },
  {
    code: 'bad-param-type',
    doc: chain([8, 8, 1], ['Conv2D', { filters: 'many', kernelSize: 3 }, 'c']),
    nodeId: 'c',
    param: 'filters',
    says: "Conv2D 'c': 'filters' must be",
  },
  {
    code: 'bad-param-type',
    doc: chain([8, 8, 1], ['Conv2D', { filters: 2, kernelSize: 3, padding: 'full' }, 'c']),
    nodeId: 'c',
    param: 'padding',
  },
  {
    code: 'bad-param-type',
    doc: chain([8, 8, 1], ['Dense', { units: 2.5 }, 'd']),
    nodeId: 'd',
    param: 'units',
  },
  {
    code: 'param-out-of-range',
    doc: chain([8, 8, 1], ['Conv2D', { filters: 0, kernelSize: 3 }, 'c']),
    nodeId: 'c',
    param: 'filters',
  },
  {
    code: 'param-out-of-range',
    doc: chain([8], ['Dropout', { rate: 1.5 }, 'd']),
    nodeId: 'd',
    param: 'rate',
  },
  {
    code: 'param-out-of-range',
    doc: chain([8, 8, 1], ['MaxPool2D', { poolSize: 2, padding: 2 }, 'p']),
    nodeId: 'p',
    param: 'padding',
  },
  { code: 'param-out-of-range', doc: chain([0, 8, 1]), nodeId: 'in', param: 'shape' },
  {
    code: 'missing-param',
    doc: chain([8, 8, 1], ['Conv2D', { kernelSize: 3 }, 'c']),
    nodeId: 'c',
    param: 'filters',
  },
  {
    code: 'missing-param',
    doc: makeDoc([{ id: 'in', type: 'Input', params: {} }], []),
    nodeId: 'in',
    param: 'shape',
  },
  {
    code: 'kernel-larger-than-input',
    doc: chain([5, 5, 3], ['Conv2D', { filters: 4, kernelSize: 7 }, 'conv3']),
    nodeId: 'conv3',
    param: 'kernelSize',
    says: "Conv2D 'conv3': kernel 7 is larger than its 5×5 input with padding 'valid' — use padding 'same' or a smaller kernel",
  },
  {
    code: 'kernel-larger-than-input',
    doc: chain([2, 2, 3], ['MaxPool2D', { poolSize: 3 }, 'p']),
    nodeId: 'p',
    says: 'pool size 3 is larger',
  },
  {
    code: 'size-below-one',
    doc: chain([5, 5, 3], ['Conv2D', { filters: 4, kernelSize: 3, dilation: 3 }, 'c']),
    nodeId: 'c',
  },
  {
    code: 'wrong-input-count',
    doc: makeDoc(
      [input(), conv('a'), conv('b'), conv('c')],
      [
        ['in', 'a'],
        ['in', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
    ),
    nodeId: 'c',
    says: 'Add or Concat',
  },
  {
    code: 'wrong-input-count',
    doc: makeDoc(
      [input(), conv('a'), { id: 'add', type: 'Add', params: {} }],
      [
        ['in', 'a'],
        ['a', 'add'],
      ],
    ),
    nodeId: 'add',
  },
  {
    code: 'add-shape-mismatch',
    doc: makeDoc(
      [input(), conv('a', { filters: 16 }), { id: 'add', type: 'Add', params: {} }],
      [
        ['in', 'a'],
        ['a', 'add'],
        ['in', 'add'],
      ],
    ),
    nodeId: 'add',
    says: 'input 2 is 32×32×3 but input 1 is 32×32×16',
  },
  {
    code: 'concat-spatial-mismatch',
    doc: makeDoc(
      [input(), conv('a', { strides: 2 }), conv('b'), { id: 'cat', type: 'Concat', params: {} }],
      [
        ['in', 'a'],
        ['in', 'b'],
        ['a', 'cat'],
        ['b', 'cat'],
      ],
    ),
    nodeId: 'cat',
  },
  {
    code: 'needs-spatial-input',
    doc: chain([32, 32, 3], ['Flatten'], ['Conv2D', { filters: 2, kernelSize: 1 }, 'c']),
    nodeId: 'c',
  },
  { code: 'needs-spatial-input', doc: chain([100], ['MaxPool2D', {}, 'p']), nodeId: 'p' },
  { code: 'needs-spatial-input', doc: chain([100], ['GlobalAvgPool2D', {}, 'g']), nodeId: 'g' },
  {
    code: 'needs-spatial-input',
    doc: chain([100], ['ResidualBlock', { filters: 4 }, 'r']),
    nodeId: 'r',
  },
  {
    code: 'dense-on-spatial',
    doc: chain([7, 7, 512], ['Dense', { units: 10 }, 'fc']),
    nodeId: 'fc',
    says: 'Flatten',
  },
  {
    code: 'cycle',
    doc: makeDoc(
      [input(), conv('a'), conv('b')],
      [
        ['in', 'a'],
        ['a', 'b'],
        ['b', 'a'],
      ],
    ),
    nodeId: 'a',
  },
  {
    code: 'dangling-edge',
    doc: makeDoc(
      [input(), conv('a')],
      [
        ['in', 'a'],
        ['a', 'ghost'],
      ],
    ),
    says: "'ghost'",
  },
  {
    code: 'duplicate-id',
    doc: makeDoc([input(), conv('a'), conv('a')], [['in', 'a']]),
    nodeId: 'a',
  },
  {
    code: 'duplicate-edge',
    doc: makeDoc(
      [input(), conv('a')],
      [
        ['in', 'a'],
        ['in', 'a'],
      ],
    ),
    nodeId: 'a',
  },
  {
    code: 'self-loop',
    doc: makeDoc(
      [input(), conv('a')],
      [
        ['in', 'a'],
        ['a', 'a'],
      ],
    ),
    nodeId: 'a',
  },
  { code: 'no-input', doc: makeDoc([conv('a')], []) },
  { code: 'no-input', doc: makeDoc([], []) },
  { code: 'no-output', doc: makeDoc([input()], []) },
  {
    code: 'unreachable',
    doc: makeDoc([input(), conv('a'), conv('lonely')], [['in', 'a']]),
    nodeId: 'lonely',
  },
  {
    code: 'too-large',
    doc: chain([30000, 30000, 1], ['Conv2D', { filters: 64, kernelSize: 3, padding: 'same' }, 'c']),
    nodeId: 'c',
  },
  { code: 'too-large', doc: chain([100000], ['Dense', { units: 30000 }, 'd']), nodeId: 'd' },
  {
    code: 'too-large',
    doc: chain(
      [50000],
      ['Dense', { units: 30000 }],
      ['Dense', { units: 30000 }],
      ['Dense', { units: 30000 }],
    ),
    says: 'parameters in all',
  },
  {
    code: 'input-has-inputs',
    doc: makeDoc([input(), input([8, 8, 1], 'in2')], [['in', 'in2']]),
    nodeId: 'in2',
  },
  // warnings
  {
    code: 'softmax-not-last',
    doc: chain([10], ['Dense', { units: 5, activation: 'softmax' }, 'd'], ['Dense', { units: 2 }]),
    nodeId: 'd',
  },
  {
    code: 'unused-output',
    doc: makeDoc(
      [input(), conv('a'), conv('b')],
      [
        ['in', 'a'],
        ['in', 'b'],
      ],
    ),
    nodeId: 'a',
    says: "Conv2D 'a': its output is not used by any layer",
  },
  {
    code: 'huge-dense',
    doc: chain([7, 7, 512], ['Flatten'], ['Dense', { units: 4096 }, 'fc']),
    nodeId: 'fc',
  },
  {
    code: 'no-classifier',
    doc: chain([8, 8, 3], ['Conv2D', { filters: 4, kernelSize: 3 }, 'c']),
    nodeId: 'c',
  },
];

describe('every problem code is reported', () => {
  it.each(cases.map((c, i) => [`${c.code} #${i}`, c] as const))('%s', (_n, c) => {
    const found = analyzeNetwork(c.doc).problems.filter((p) => p.code === c.code);
    expect(found.length).toBeGreaterThan(0);
    const p = found[0]!;
    if (c.nodeId !== undefined) expect(p.nodeId).toBe(c.nodeId);
    if (c.param !== undefined) expect(p.param).toBe(c.param);
    if (c.says !== undefined) expect(p.message).toContain(c.says);
    expect(p.message).not.toMatch(/undefined|NaN|\[object/);
  });

  it('marks errors invalid and warnings valid', () => {
    expect(analyzeNetwork(cases.find((c) => c.code === 'cycle')!.doc).valid).toBe(false);
    const warned = analyzeNetwork(cases.find((c) => c.code === 'no-classifier')!.doc);
    expect(warned.valid).toBe(true);
    expect(warned.problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});

describe('errors never hide other results', () => {
  it('reports several errors at once and keeps every computable shape', () => {
    const doc = makeDoc(
      [
        input([32, 32, 3]),
        conv('good', { filters: 16 }),
        conv('bad', { filters: -1 }),
        conv('after-bad'),
        { id: 'gap', type: 'GlobalAvgPool2D', params: {} },
        { id: 'fc', type: 'Dense', params: { units: 10, bogus: 1 } },
      ],
      [
        ['in', 'good'],
        ['good', 'bad'],
        ['bad', 'after-bad'],
        ['good', 'gap'],
        ['gap', 'fc'],
      ],
    );
    const a = analyzeNetwork(doc);
    expect(a.valid).toBe(false);
    expect(
      a.problems
        .filter((p) => p.severity === 'error')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['param-out-of-range', 'unknown-param']);
    expect(a.nodes.good!.outputShape).toEqual([32, 32, 16]);
    expect(a.nodes.bad!.outputShape).toBeNull();
    // Downstream of an error: no shape, and no extra noise about it.
    expect(a.nodes['after-bad']!.outputShape).toBeNull();
    expect(a.problems.some((p) => p.nodeId === 'after-bad')).toBe(false);
    expect(a.nodes.gap!.outputShape).toEqual([16]);
    expect(a.nodes.fc!.outputShape).toEqual([10]);
    expect(a.totals.trainableParams).toBe(3 * 3 * 3 * 16 + 16 + 16 * 10 + 10);
  });

  it('keeps shapes on both sides of a cycle-free region when a cycle exists elsewhere', () => {
    const doc = makeDoc(
      [input([8, 8, 1]), conv('ok'), conv('x'), conv('y')],
      [
        ['in', 'ok'],
        ['x', 'y'],
        ['y', 'x'],
      ],
    );
    const a = analyzeNetwork(doc);
    expect(a.nodes.ok!.outputShape).toEqual([8, 8, 8]);
    expect(
      a.problems
        .filter((p) => p.code === 'cycle')
        .map((p) => p.nodeId)
        .sort(),
    ).toEqual(['x', 'y']);
    expect(a.order.slice(-2).sort()).toEqual(['x', 'y']);
  });
});

describe('quick fixes', () => {
  it('offers padding same for a kernel larger than its input', () => {
    const p = analyzeNetwork(chain([5, 5, 3], ['Conv2D', { filters: 4, kernelSize: 7 }, 'c']))
      .problems[0]!;
    expect(p.fixes?.[0]).toMatchObject({
      kind: 'set-param',
      nodeId: 'c',
      param: 'padding',
      value: 'same',
    });
  });

  it('offers GlobalAvgPool2D or Flatten before a Dense on a map, each fixing it', () => {
    const doc = chain([7, 7, 8], ['Dense', { units: 3 }, 'fc']);
    const p = analyzeNetwork(doc).problems[0]!;
    expect(p.fixes).toEqual([
      expect.objectContaining({
        kind: 'insert-before',
        nodeId: 'fc',
        layerType: 'GlobalAvgPool2D',
      }),
      expect.objectContaining({ kind: 'insert-before', nodeId: 'fc', layerType: 'Flatten' }),
    ]);
    // Each choice gives a valid network with the advertised input width (8 vs 7·7·8).
    const widths = (['GlobalAvgPool2D', 'Flatten'] as const).map((type) => {
      const fixed = {
        ...doc,
        nodes: [...doc.nodes, { id: 'x', type, params: {} }],
        edges: [
          { source: 'in', target: 'x' },
          { source: 'x', target: 'fc' },
        ],
      };
      const a = analyzeNetwork(fixed);
      expect(a.valid).toBe(true);
      return a.nodes['fc']!.inputShapes[0];
    });
    expect(widths).toEqual([[8], [392]]);
  });

  it('offers replacing the Flatten before a huge Dense with GlobalAvgPool2D (VGG fc6)', () => {
    const doc = chain([7, 7, 512], ['Flatten', {}, 'flat'], ['Dense', { units: 4096 }, 'fc6']);
    const w = analyzeNetwork(doc).problems.find((p) => p.code === 'huge-dense')!;
    expect(w.fixes).toEqual([
      expect.objectContaining({
        kind: 'replace-layer',
        nodeId: 'flat',
        layerType: 'GlobalAvgPool2D',
      }),
    ]);
    const fixed = analyzeNetwork({
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'flat' ? { ...n, type: 'GlobalAvgPool2D' } : n)),
    });
    expect(fixed.problems.map((p) => p.code)).not.toContain('huge-dense');
    expect(fixed.nodes['fc6']!.trainableParams).toBe(512 * 4096 + 4096);
  });

  it('offers no replacement when a huge Dense is not fed by a Flatten', () => {
    const doc = chain([25088], ['Dense', { units: 4096 }, 'fc6']);
    const w = analyzeNetwork(doc).problems.find((p) => p.code === 'huge-dense')!;
    expect(w.fixes).toBeUndefined();
  });

  it('offers a strided 1×1 projection on the larger Add input', () => {
    const doc = makeDoc(
      [
        input([56, 56, 64]),
        conv('main', { filters: 128, strides: 2 }),
        { id: 'add', type: 'Add', params: {} },
      ],
      [
        ['in', 'main'],
        ['main', 'add'],
        ['in', 'add'],
      ],
    );
    const p = analyzeNetwork(doc).problems.find((x) => x.code === 'add-shape-mismatch')!;
    expect(p.fixes?.[0]).toEqual(
      expect.objectContaining({
        kind: 'insert-projection',
        nodeId: 'add',
        inputNodeId: 'in',
        filters: 128,
        strides: 2,
      }),
    );
  });
});

it('projects the narrower input when an identity shortcut is wired first', () => {
  const doc = makeDoc(
    [input([8, 8, 16]), conv('main', { filters: 32 }), { id: 'add', type: 'Add', params: {} }],
    [
      ['in', 'add'],
      ['in', 'main'],
      ['main', 'add'],
    ],
  );
  const p = analyzeNetwork(doc).problems.find((x) => x.code === 'add-shape-mismatch')!;
  expect(p.message).toContain('input 1 is 8×8×16 but input 2 is 8×8×32');
  expect(p.fixes?.[0]).toMatchObject({ inputNodeId: 'in', filters: 32, strides: 1 });
});

describe('receptive field', () => {
  it('grows through convs and pools (VGG-style: two 3×3 + pool)', () => {
    const a = analyzeNetwork(
      chain(
        [32, 32, 3],
        ['Conv2D', { filters: 4, kernelSize: 3, padding: 1 }, 'c1'],
        ['Conv2D', { filters: 4, kernelSize: 3, padding: 1 }, 'c2'],
        ['MaxPool2D', {}, 'p'],
        ['Conv2D', { filters: 4, kernelSize: 3, padding: 1 }, 'c3'],
      ),
    );
    expect(a.nodes.c2!.receptiveField).toEqual({ size: [5, 5], jump: [1, 1] });
    expect(a.nodes.p!.receptiveField).toEqual({ size: [6, 6], jump: [2, 2] });
    expect(a.nodes.c3!.receptiveField).toEqual({ size: [10, 10], jump: [2, 2] });
  });

  it('counts dilation and takes the max at merges', () => {
    const doc = makeDoc(
      [
        input([16, 16, 1]),
        conv('wide', { dilation: 2 }),
        conv('narrow', { kernelSize: 1 }),
        { id: 'cat', type: 'Concat', params: {} },
      ],
      [
        ['in', 'wide'],
        ['in', 'narrow'],
        ['wide', 'cat'],
        ['narrow', 'cat'],
      ],
    );
    const a = analyzeNetwork(doc);
    expect(a.nodes.wide!.receptiveField!.size).toEqual([5, 5]);
    expect(a.nodes.cat!.receptiveField!.size).toEqual([5, 5]);
    expect(a.nodes.cat!.outputShape).toEqual([16, 16, 16]);
  });
});

describe('inspector text', () => {
  it('fills the formulas and card summary with the node values', () => {
    const a = analyzeNetwork(
      chain([56, 56, 64], ['Conv2D', { filters: 128, kernelSize: 3, strides: 1, padding: 1 }, 'c']),
    );
    const n = a.nodes.c!;
    expect(n.summary).toBe('3×3 · 128 · p1');
    expect(n.formulas).toContain('out H = out W = ⌊(56 + 2·1 − 3)/1⌋ + 1 = 56');
    expect(n.formulas).toContain('params = 3·3·64·128 + 128 = 73,856');
    expect(n.activationBytes).toBe(56 * 56 * 128 * 4);
    const s2 = analyzeNetwork(
      chain(
        [224, 224, 3],
        ['Conv2D', { filters: 64, kernelSize: 3, strides: 2, padding: 'same' }, 'c'],
      ),
    );
    expect(s2.nodes.c!.summary).toBe('3×3 · 64 · s2 · same');
  });

  it('orders nodes topologically even when the file lists them backwards', () => {
    const doc = makeDoc(
      [conv('b'), conv('a'), input()],
      [
        ['a', 'b'],
        ['in', 'a'],
      ],
    );
    expect(analyzeNetwork(doc).order).toEqual(['in', 'a', 'b']);
  });
});
