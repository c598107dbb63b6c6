/** The naive Inception module: a reduction or pool projection of 0 turns that 1×1 off. */
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../analyze.ts';
import { expandNode } from '../expand.ts';
import { chain } from '../testDocs.ts';

const NAIVE = { b1: 64, b3r: 0, b3: 128, b5r: 0, b5: 32, poolProj: 0 };
const doc = (params: Record<string, unknown>) => chain([28, 28, 192], ['Inception', params, 'inc']);

describe('Inception with reductions turned off', () => {
  it('expands to the naive module: the 3×3 and 5×5 read the block input, the pool is concatenated as is', () => {
    const expanded = expandNode(doc(NAIVE), 'inc');
    const ids = expanded.nodes.map((n) => n.id);
    expect(ids).not.toContain('inc/b3r');
    expect(ids).not.toContain('inc/b5r');
    expect(ids).not.toContain('inc/poolProj');
    const from = (target: string) =>
      expanded.edges.filter((e) => e.target === target).map((e) => e.source);
    expect(from('inc/b3')).toEqual(['in']);
    expect(from('inc/b5')).toEqual(['in']);
    expect(from('inc/concat')).toEqual(['inc/b1', 'inc/b3', 'inc/b5', 'inc/pool']);
    const { trainableParams, macs } = analyzeNetwork(doc(NAIVE)).totals;
    expect(analyzeNetwork(expanded).totals).toMatchObject({ trainableParams, macs });
  });

  it('says on the card and in the formulas what is off', () => {
    const node = analyzeNetwork(doc(NAIVE)).nodes.inc!;
    expect(node.summary).toBe('64 · 128 · 32 · pool · naive');
    expect(node.formulas[0]).toBe('out C = 64 + 128 + 32 + 192 (pooled input) = 416');
    expect(node.outputShape).toEqual([28, 28, 416]);
    const partial = analyzeNetwork(doc({ ...NAIVE, b3r: 96 })).nodes.inc!;
    expect(partial.summary).toBe('64 · 96→128 · 32 · pool');
  });

  it('still refuses a negative reduction and 0 filters in a branch that has no off switch', () => {
    const problems = analyzeNetwork(doc({ ...NAIVE, b5r: -1, b3: 0 })).problems;
    expect(problems.map((p) => [p.code, p.param])).toEqual(
      expect.arrayContaining([
        ['param-out-of-range', 'b5r'],
        ['param-out-of-range', 'b3'],
      ]),
    );
  });
});
