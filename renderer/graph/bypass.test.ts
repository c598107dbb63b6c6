import { describe, expect, it } from 'vitest';
import type { NetworkDoc } from '../../main/network/types.ts';
import { bypassOf, deleteAndReconnect } from './bypass.ts';

const doc = (nodes: string[], edges: [string, string][]): NetworkDoc => ({
  format: 'netdesigner.network',
  version: 1,
  name: 't',
  nodes: nodes.map((id) => ({ id, type: 'Conv2D', params: {} })),
  edges: edges.map(([source, target]) => ({ source, target })),
});

describe('deleting a layer between two others', () => {
  it('wires its input to its output where its outgoing edge was (Add keeps its input order)', () => {
    const d = doc(
      ['in', 'a', 'b', 'skip', 'add'],
      [
        ['in', 'a'],
        ['a', 'b'],
        ['b', 'add'],
        ['in', 'skip'],
        ['skip', 'add'],
      ],
    );
    const bypass = bypassOf(d, 'b')!;
    expect(bypass).toEqual({ source: 'a', target: 'add' });
    const out = deleteAndReconnect(d, 'b', bypass);
    expect(out.nodes.map((n) => n.id)).toEqual(['in', 'a', 'skip', 'add']);
    expect(out.edges.filter((e) => e.target === 'add').map((e) => e.source)).toEqual(['a', 'skip']);
  });

  it('offers nothing for a layer with several inputs or outputs, at an end, or already bypassed', () => {
    const branch = doc(
      ['in', 'a', 'b', 'c'],
      [
        ['in', 'a'],
        ['a', 'b'],
        ['a', 'c'],
      ],
    );
    expect(bypassOf(branch, 'a')).toBeNull();
    expect(bypassOf(branch, 'b')).toBeNull();
    expect(bypassOf(branch, 'in')).toBeNull();
    const shortcut = doc(
      ['in', 'a', 'b'],
      [
        ['in', 'a'],
        ['a', 'b'],
        ['in', 'b'],
      ],
    );
    expect(bypassOf(shortcut, 'a')).toBeNull();
  });
});
