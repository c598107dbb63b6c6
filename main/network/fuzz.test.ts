/** Analysis and expansion never throw, whatever the graph and params look like. */
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from './analyze.ts';
import { expandComposites } from './expand.ts';
import { LAYER_TYPES } from './catalog/registry.ts';
import { makeDoc } from './testDocs.ts';
import type { NetworkNode } from './types.ts';

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const VALUES: unknown[] = [
  0,
  1,
  2,
  3,
  7,
  -1,
  2.5,
  1e12,
  'same',
  'valid',
  'x',
  true,
  null,
  [3, 3],
  [0, 1],
  [1],
  {},
  'relu',
  'bottleneck',
  0.5,
  [224, 224, 3],
  [10],
];
const NAMES = [
  'filters',
  'kernelSize',
  'strides',
  'padding',
  'dilation',
  'units',
  'poolSize',
  'shape',
  'rate',
  'fn',
  'variant',
  'b1',
  'b3r',
  'b3',
  'b5r',
  'b5',
  'poolProj',
  'activation',
  'useBias',
  'bogus',
];

describe('robustness', () => {
  it('analyses 300 random (mostly broken) graphs without throwing', () => {
    const rand = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(rand() * 12);
      const nodes: NetworkNode[] = [];
      for (let i = 0; i < n; i++) {
        const params: Record<string, unknown> = {};
        for (let k = Math.floor(rand() * 4); k > 0; k--) params[pick(NAMES)] = pick(VALUES);
        nodes.push({
          id: rand() < 0.05 ? 'dup' : `n${i}`,
          type: rand() < 0.05 ? 'Nope' : pick(LAYER_TYPES),
          params,
        });
      }
      const edges: [string, string][] = [];
      for (let k = Math.floor(rand() * n * 2); k > 0; k--)
        edges.push([pick(nodes).id, rand() < 0.05 ? 'ghost' : pick(nodes).id]);
      const doc = makeDoc(nodes, edges);
      const a = analyzeNetwork(doc);
      for (const node of nodes) expect(a.nodes[node.id]).toBeDefined();
      expect(a.order.length).toBe(new Set(nodes.map((x) => x.id)).size);
      for (const p of a.problems) expect(p.message).not.toMatch(/undefined|NaN|\[object/);
      expect(() => expandComposites(doc)).not.toThrow();
    }
  });
});
