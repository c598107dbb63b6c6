/** Concat inputs of unequal size: the problem a student sees and the one-click fix offered. */
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../analyze.ts';
import { makeDoc } from '../testDocs.ts';
import type { NetworkDoc, NetworkNode, Problem, QuickFix } from '../types.ts';

const node = (id: string, type: string, params: Record<string, unknown> = {}): NetworkNode => ({
  id,
  type,
  params,
});

/** Input 28×28×8 → two branches `a` and `b` → Concat 'cat' (inputs in that order). */
function twoBranches(a: NetworkNode, b: NetworkNode): NetworkDoc {
  return makeDoc(
    [node('in', 'Input', { shape: [28, 28, 8] }), a, b, node('cat', 'Concat')],
    [
      ['in', a.id],
      ['in', b.id],
      [a.id, 'cat'],
      [b.id, 'cat'],
    ],
  );
}

const mismatches = (doc: NetworkDoc): Problem[] =>
  analyzeNetwork(doc).problems.filter((p) => p.code === 'concat-spatial-mismatch');

/** What the renderer does with these fixes: set the params on the node. */
function apply(doc: NetworkDoc, fix: QuickFix): NetworkDoc {
  const params =
    fix.kind === 'set-param'
      ? { [fix.param]: fix.value }
      : fix.kind === 'set-params'
        ? fix.params
        : {};
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.id === fix.nodeId ? { ...n, params: { ...n.params, ...params } } : n,
    ),
  };
}

const conv1x1 = (id: string) => node(id, 'Conv2D', { filters: 4, kernelSize: 1 });

describe('Concat of inputs with unequal height and width', () => {
  it('offers strides 1 and padding same for a pool left at its default stride', () => {
    // The Inception pool branch mistake: a 3×3 max pool halves the map (stride = pool size).
    const doc = twoBranches(conv1x1('b1'), node('pool', 'MaxPool2D', { poolSize: 3 }));
    const [problem, ...rest] = mismatches(doc);
    expect(rest).toEqual([]);
    expect(problem!.nodeId).toBe('cat');
    expect(problem!.message).toContain('input 2 is 9×9 but input 1 is 28×28');
    expect(problem!.message).toContain("MaxPool2D 'pool'");
    expect(problem!.message).toContain("strides to 1 and padding to 'same'");
    expect(problem!.fixes?.[0]).toEqual({
      kind: 'set-params',
      label: "Set strides to 1 and padding to 'same' on 'pool' (keeps 28×28)",
      nodeId: 'pool',
      params: { strides: 1, padding: 'same' },
    });
    const fixed = analyzeNetwork(apply(doc, problem!.fixes![0]!));
    expect(fixed.valid).toBe(true);
    expect(fixed.nodes.cat!.outputShape).toEqual([28, 28, 12]);
  });

  it('sets just the padding when the stride is already 1', () => {
    const doc = twoBranches(conv1x1('b1'), node('c3', 'Conv2D', { filters: 4, kernelSize: 3 }));
    const [problem] = mismatches(doc);
    expect(problem!.message).toContain('input 2 is 26×26 but input 1 is 28×28');
    expect(problem!.fixes?.[0]).toMatchObject({
      kind: 'set-param',
      nodeId: 'c3',
      param: 'padding',
      value: 'same',
    });
    expect(analyzeNetwork(apply(doc, problem!.fixes![0]!)).valid).toBe(true);
  });

  it('sets just the stride when that alone matches the other branch', () => {
    // 'valid' 3×3 convs on both branches: 26×26 vs 13×13 — stride 1 is the whole difference.
    const conv = (id: string, strides: number) =>
      node(id, 'Conv2D', { filters: 4, kernelSize: 3, strides });
    const doc = twoBranches(conv('a', 1), conv('b', 2));
    const [problem] = mismatches(doc);
    expect(problem!.fixes?.[0]).toMatchObject({ kind: 'set-param', nodeId: 'b', param: 'strides' });
    expect(analyzeNetwork(apply(doc, problem!.fixes![0]!)).valid).toBe(true);
  });

  it('fixes the odd branch even when it is input 1', () => {
    const doc = makeDoc(
      [
        node('in', 'Input', { shape: [16, 16, 3] }),
        node('pool', 'AvgPool2D'),
        conv1x1('a'),
        conv1x1('b'),
        node('cat', 'Concat'),
      ],
      [
        ['in', 'pool'],
        ['in', 'a'],
        ['in', 'b'],
        ['pool', 'cat'],
        ['a', 'cat'],
        ['b', 'cat'],
      ],
    );
    const [problem, ...rest] = mismatches(doc);
    expect(rest).toEqual([]);
    expect(problem!.message).toContain('input 1 is 8×8 but input 2 is 16×16');
    expect(problem!.fixes?.[0]).toMatchObject({ nodeId: 'pool' });
    expect(analyzeNetwork(apply(doc, problem!.fixes![0]!)).valid).toBe(true);
  });

  it('offers no fix when the size differs for another reason', () => {
    // Branch b is fed from a pooled map: no stride/padding change of b reaches 28×28.
    const doc = makeDoc(
      [
        node('in', 'Input', { shape: [28, 28, 8] }),
        conv1x1('a'),
        node('p', 'MaxPool2D'),
        conv1x1('b'),
        node('cat', 'Concat'),
      ],
      [
        ['in', 'a'],
        ['in', 'p'],
        ['p', 'b'],
        ['a', 'cat'],
        ['b', 'cat'],
      ],
    );
    const [problem, ...rest] = mismatches(doc);
    expect(rest).toEqual([]);
    expect(problem!.fixes?.[0]).toBeUndefined();
    expect(problem!.message).toContain('adjust the strides or padding of one branch');
  });

  it('reports every odd input, each with its own fix', () => {
    const doc = makeDoc(
      [
        node('in', 'Input', { shape: [28, 28, 8] }),
        conv1x1('a'),
        node('p1', 'MaxPool2D'),
        node('p2', 'AvgPool2D', { poolSize: 3, padding: 1 }),
        node('cat', 'Concat'),
      ],
      [
        ['in', 'a'],
        ['in', 'p1'],
        ['in', 'p2'],
        ['a', 'cat'],
        ['p1', 'cat'],
        ['p2', 'cat'],
      ],
    );
    const problems = mismatches(doc);
    expect(problems.map((p) => p.fixes?.[0]?.nodeId)).toEqual(['p1', 'p2']);
    // p2 pads by 1 with a 3×3 window: stride 1 alone keeps 28×28.
    expect(problems[1]!.fixes?.[0]).toMatchObject({
      kind: 'set-param',
      param: 'strides',
      value: 1,
    });
    const fixed = problems.reduce((d, p) => apply(d, p.fixes![0]!), doc);
    expect(analyzeNetwork(fixed).valid).toBe(true);
  });
});
