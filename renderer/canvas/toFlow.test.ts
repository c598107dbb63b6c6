import { describe, expect, it } from 'vitest';
import type { NetworkDoc } from '../../main/network/types.ts';
import { stubAnalysis } from '../testing/analysisStub.ts';
import { moveNodes, setParam } from '../graph/ops.ts';
import { buildView, RouteCache } from '../diagram/view.ts';
import { FlowCache } from './toFlow.ts';

const doc: NetworkDoc = {
  format: 'netdesigner.network',
  version: 1,
  name: 'Merge',
  nodes: [
    { id: 'in', type: 'Input', params: { shape: [8, 8, 4] }, position: { x: 0, y: 0 } },
    { id: 'a', type: 'Conv2D', params: { filters: 4, kernelSize: 1 }, position: { x: 0, y: 100 } },
    { id: 'add', type: 'Add', params: {}, position: { x: 0, y: 200 } },
  ],
  edges: [
    { source: 'a', target: 'add' },
    { source: 'in', target: 'a' },
    { source: 'in', target: 'add' },
  ],
};

const analysis = stubAnalysis({ in: [8, 8, 4], a: [8, 8, 4], add: [8, 8, 4] }, 'x');
const view = (d: NetworkDoc) => buildView(d, analysis);
const INPUTS = new Map([
  ['a', 1],
  ['add', 2],
]);

describe('canvas elements', () => {
  it('labels edges with the tensor shape and numbers the inputs of a merge layer', () => {
    const edges = new FlowCache().buildEdges(buildView(doc, analysis), new Set());
    expect(edges.map((e) => [e.id, e.data?.label])).toEqual([
      ['a->add', '#1 · 8×8×4'],
      ['in->a', '8×8×4'],
      ['in->add', '#2 · 8×8×4'],
    ]);
  });

  it('keeps the objects of untouched nodes so their cards do not re-render', () => {
    const cache = new FlowCache();
    const groups = new Map();
    const first = cache.buildNodes(view(doc), analysis, new Map(), groups, new Set(), INPUTS);
    const edited = setParam(doc, 'a', 'filters', 8);
    const second = cache.buildNodes(
      view(edited),
      analysis,
      new Map(),
      groups,
      new Set(['in']),
      INPUTS,
    );
    expect(second[2]).toBe(first[2]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0]?.selected).toBe(true);
  });

  it('gives an Input card no input handle', () => {
    const [input, conv] = new FlowCache().buildNodes(
      view(doc),
      analysis,
      new Map(),
      new Map(),
      new Set(),
      INPUTS,
    );
    expect(input?.handles?.map((h) => h.type)).toEqual(['source']);
    expect(conv?.handles?.map((h) => h.type)).toEqual(['target', 'source']);
  });

  it('hands React Flow the same edge array while a drag only changes routes', () => {
    const cache = new FlowCache();
    const routes = new RouteCache();
    const before = buildView(doc, analysis, routes);
    const first = cache.buildEdges(before, new Set());
    const after = buildView(moveNodes(doc, new Map([['a', { x: 300, y: 100 }]])), analysis, routes);
    // The wires of the moved card have new routes…
    expect(after.edges.find((e) => e.id === 'in->a')?.route).not.toBe(
      before.edges.find((e) => e.id === 'in->a')?.route,
    );
    // …but the edges React Flow sees are unchanged, down to the array.
    expect(cache.buildEdges(after, new Set())).toBe(first);
    expect(cache.buildEdges(after, new Set(['in->a']))).not.toBe(first);
  });
});
