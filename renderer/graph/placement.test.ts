import { describe, expect, it } from 'vitest';
import type { NetworkDoc } from '../../main/network/types.ts';
import { NODE_WIDTH } from './layout.ts';
import { freeSpot } from './placement.ts';

const doc: NetworkDoc = {
  format: 'netdesigner.network',
  version: 1,
  name: 't',
  nodes: [
    { id: 'a', type: 'Input', params: { shape: [8, 8, 1] }, position: { x: 0, y: 0 } },
    { id: 'b', type: 'Dense', params: { units: 2 }, position: { x: 0, y: 120 } },
    { id: 'c', type: 'Dense', params: { units: 2 }, position: { x: NODE_WIDTH + 40, y: 120 } },
  ],
  edges: [],
};

describe('placing a new card', () => {
  it('keeps a free spot as it is', () => {
    expect(freeSpot(doc, { x: 0, y: 400 })).toEqual({ x: 0, y: 400 });
  });

  it('moves right past every card the wanted spot would cover', () => {
    const at = freeSpot(doc, { x: 10, y: 130 });
    expect(at.y).toBe(130);
    expect(at.x).toBeGreaterThanOrEqual(2 * NODE_WIDTH + 40);
  });
});
