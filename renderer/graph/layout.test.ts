import { describe, expect, it } from 'vitest';
import type { NetworkDoc } from '../../main/network/types.ts';
import { computeLayout, layoutDoc, NODE_HEIGHT, NODE_WIDTH } from './layout.ts';

/** A chain input → l1 → … → l{n-1}. */
function chain(n: number, layout?: NetworkDoc['layout']): NetworkDoc {
  const ids = Array.from({ length: n }, (_, i) => (i === 0 ? 'in' : `l${i}`));
  return {
    format: 'netdesigner.network',
    version: 1,
    name: 'Chain',
    ...(layout ? { layout } : {}),
    nodes: ids.map((id, i) =>
      i === 0
        ? { id, type: 'Input', params: { shape: [8, 8, 3] } }
        : { id, type: 'Activation', params: {} },
    ),
    edges: ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id })),
  };
}

function extent(positions: Map<string, { x: number; y: number }>) {
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  return {
    width: Math.max(...xs) - Math.min(...xs) + NODE_WIDTH,
    height: Math.max(...ys) - Math.min(...ys) + NODE_HEIGHT,
  };
}

describe('automatic layout', () => {
  it('wraps a long chain into columns that make a landscape page', () => {
    const e = extent(computeLayout(chain(60)));
    expect(e.width).toBeGreaterThan(e.height);
  });

  it('keeps a long chain in one column when wrapping is off', () => {
    const p = computeLayout(chain(60, { wrap: false }));
    expect(new Set([...p.values()].map((q) => q.x)).size).toBe(1);
  });

  it('flows left to right with direction "right"', () => {
    const p = computeLayout(chain(5, { direction: 'right', wrap: false }));
    expect(p.get('l1')!.x).toBeGreaterThan(p.get('in')!.x);
    expect(p.get('l1')!.y).toBe(p.get('in')!.y);
  });

  it('never puts two cards on top of each other when wrapped', () => {
    const p = [...computeLayout(chain(80)).values()];
    for (let i = 0; i < p.length; i++)
      for (let j = i + 1; j < p.length; j++)
        expect(
          Math.abs(p[i]!.x - p[j]!.x) >= NODE_WIDTH || Math.abs(p[i]!.y - p[j]!.y) >= NODE_HEIGHT,
        ).toBe(true);
  });

  it('lays a folded stage out as one box and moves its hidden layers with it', () => {
    const doc = layoutDoc(chain(6, { wrap: false }), 'all');
    const folded = layoutDoc(doc, 'all', [{ name: 's', nodeIds: ['l1', 'l2', 'l3'] }]);
    const y = (d: NetworkDoc, id: string) => d.nodes.find((n) => n.id === id)!.position!.y;
    // l4 now follows the box directly; the hidden layers keep their place relative to the box.
    expect(y(folded, 'l4') - y(folded, 'l1')).toBe(y(doc, 'l2') - y(doc, 'l1'));
    expect(y(folded, 'l3') - y(folded, 'l1')).toBe(y(doc, 'l3') - y(doc, 'l1'));
  });
});
