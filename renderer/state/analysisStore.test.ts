import { describe, expect, it } from 'vitest';
import type { NetworkAnalysis, NodeAnalysis } from '../../main/network/types.ts';
import { sameValue } from '../../main/api/analysisUpdate.ts';
import { useAnalysisStore } from './analysisStore.ts';

function node(id: string, filters: number): NodeAnalysis {
  return {
    id,
    type: 'Conv2D',
    inputShapes: [[28, 28, 1]],
    outputShape: [28, 28, filters],
    trainableParams: filters * 10,
    nonTrainableParams: 0,
    macs: filters * 7840,
    activationBytes: filters * 3136,
    receptiveField: { size: [3, 3], jump: [1, 1] },
    summary: `3×3 · ${filters}`,
    formulas: [`params = ${filters * 10}`],
  };
}

function analysis(a: number, b: number): NetworkAnalysis {
  return {
    valid: true,
    order: ['a', 'b'],
    nodes: { a: node('a', a), b: node('b', b) },
    problems: [],
    totals: { trainableParams: 0, nonTrainableParams: 0, macs: 0, activationBytes: 0 },
  } as unknown as NetworkAnalysis;
}

describe('analysis store', () => {
  it('keeps the objects of layers whose numbers did not change, so their cards do not redraw', () => {
    const store = useAnalysisStore.getState();
    store.setAnalysis(analysis(8, 16));
    const first = useAnalysisStore.getState().analysis!;
    store.setAnalysis(analysis(8, 32));
    const second = useAnalysisStore.getState().analysis!;
    expect(second.nodes['a']).toBe(first.nodes['a']);
    expect(second.nodes['b']).not.toBe(first.nodes['b']);
    expect(second.nodes['b']?.outputShape).toEqual([28, 28, 32]);
  });

  it('compares host values deeply, whatever the key order', () => {
    expect(sameValue({ x: [1, { y: null }], z: 'a' }, { z: 'a', x: [1, { y: null }] })).toBe(true);
    expect(sameValue({ x: [1, 2] }, { x: [1, 2, 3] })).toBe(false);
    expect(sameValue({ x: 1 }, { x: 1, y: 2 })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
