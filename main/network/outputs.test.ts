import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from './analyze.ts';
import { classifierOf, networkOutput } from './outputs.ts';
import { chain, makeDoc } from './testDocs.ts';
import { topologicalOrder, predecessors, successors } from './traversal.ts';
import type { NetworkDoc } from './types.ts';

const id = (v: ReturnType<typeof networkOutput>) =>
  v.kind === 'one' ? v.node.id : v.kind === 'many' ? v.nodes.map((n) => n.id) : null;

/** in → flat → fc, plus a dangling conv branch from in. */
const withBranch: NetworkDoc = makeDoc(
  [
    { id: 'in', type: 'Input', params: { shape: [8, 8, 1] } },
    { id: 'branch', type: 'Conv2D', params: { filters: 2, kernelSize: 3 } },
    { id: 'flat', type: 'Flatten', params: {} },
    { id: 'fc', type: 'Dense', params: { units: 3 } },
  ],
  [
    ['in', 'branch'],
    ['in', 'flat'],
    ['flat', 'fc'],
  ],
);

describe('the network output', () => {
  it('is the single layer nothing reads from', () => {
    expect(id(networkOutput(chain([4], ['Dense', { units: 2 }, 'fc'])))).toBe('fc');
    expect(id(networkOutput(chain([4])))).toBeNull();
  });

  it('with several sinks, is the only vector one when shapes are known', () => {
    expect(id(networkOutput(withBranch))).toEqual(['branch', 'fc']);
    const a = analyzeNetwork(withBranch);
    expect(id(networkOutput(withBranch, (n) => a.nodes[n]?.outputShape))).toBe('fc');
  });

  it('finds the classifier behind softmax, dropout and global pooling', () => {
    const doc = chain(
      [8, 8, 3],
      ['Conv2D', { filters: 5, kernelSize: 1 }, 'head'],
      ['GlobalAvgPool2D'],
      ['Activation', { fn: 'softmax' }, 'sm'],
    );
    const out = networkOutput(doc);
    expect(out.kind === 'one' && classifierOf(doc, out.node)).toMatchObject({
      node: { id: 'head' },
      param: 'filters',
    });
  });
});

describe('traversal', () => {
  it('orders topologically in file order and maps neighbours in edge order', () => {
    expect(topologicalOrder(withBranch)).toEqual(['in', 'branch', 'flat', 'fc']);
    expect(predecessors(withBranch.edges).get('fc')).toEqual(['flat']);
    expect(successors(withBranch.edges).get('in')).toEqual(['branch', 'flat']);
  });

  it('leaves out nodes on a cycle and stays linear on a long chain', () => {
    const cyc = makeDoc(
      [
        { id: 'a', type: 'Dense', params: {} },
        { id: 'b', type: 'Dense', params: {} },
      ],
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
    );
    expect(topologicalOrder(cyc)).toEqual([]);
    const long = chain([4], ...Array.from({ length: 100_000 }, () => ['Dropout'] as [string]));
    expect(topologicalOrder(long)).toHaveLength(100_001);
  });
});
