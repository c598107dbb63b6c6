import { describe, expect, it } from 'vitest';
import { layered } from './layered.ts';

const place = (ids: string[], edges: [string, string][]) =>
  layered({
    ids,
    edges: edges.map(([source, target]) => ({ source, target })),
    rankStep: 124,
    slotStep: 236,
  });

describe('layered layout', () => {
  it('puts a chain on one straight line, one rank per layer', () => {
    const p = place(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    expect([...p.values()]).toEqual([
      { along: 0, across: 0 },
      { along: 124, across: 0 },
      { along: 248, across: 0 },
    ]);
  });

  it('sets a projection beside the main path and the Add back between them', () => {
    // in → conv1 → bn1 → add ; in → sc → add
    const p = place(
      ['in', 'conv1', 'bn1', 'sc', 'add'],
      [
        ['in', 'conv1'],
        ['conv1', 'bn1'],
        ['bn1', 'add'],
        ['in', 'sc'],
        ['sc', 'add'],
      ],
    );
    expect(p.get('conv1')!.along).toBe(p.get('sc')!.along);
    expect(Math.abs(p.get('conv1')!.across - p.get('sc')!.across)).toBe(236);
    expect(p.get('add')!.across).toBe(p.get('in')!.across);
    expect(p.get('add')!.along).toBe(3 * 124);
  });

  it('spreads an Inception module’s four branches evenly around its input', () => {
    const p = place(
      ['x', 'b1', 'b2', 'b3', 'b4', 'cat'],
      [
        ['x', 'b1'],
        ['x', 'b2'],
        ['x', 'b3'],
        ['x', 'b4'],
        ['b1', 'cat'],
        ['b2', 'cat'],
        ['b3', 'cat'],
        ['b4', 'cat'],
      ],
    );
    expect(['b1', 'b2', 'b3', 'b4'].map((id) => p.get(id)!.across)).toEqual([-354, -118, 118, 354]);
    expect(p.get('cat')!.across).toBe(0);
  });

  it('places every node of a loop instead of failing', () => {
    const p = place(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'b'],
      ],
    );
    expect(p.size).toBe(3);
  });
});
