/** Every layer's shape and count rules against PyTorch (goldens from scripts/goldens/layers.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../analyze.ts';
import { chain } from '../testDocs.ts';
import { LAYER_TYPES } from './registry.ts';

interface GoldenCase {
  name: string;
  type: string;
  params: Record<string, unknown>;
  input: number[];
  output: number[];
  trainable: number;
  nonTrainable: number;
  macs: number;
}

const goldens = JSON.parse(
  readFileSync(new URL('../goldens/layers.json', import.meta.url), 'utf8'),
) as { cases: GoldenCase[] };

describe('layer rules match PyTorch', () => {
  it.each(goldens.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const analysis = analyzeNetwork(chain(c.input, [c.type, c.params, 'x']));
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const node = analysis.nodes.x!;
    expect(node.outputShape).toEqual(c.output);
    expect(node.trainableParams).toBe(c.trainable);
    expect(node.nonTrainableParams).toBe(c.nonTrainable);
    expect(node.macs).toBe(c.macs);
  });

  it('covers every layer type except the graph-level ones', () => {
    const covered = new Set(goldens.cases.map((c) => c.type));
    const missing = LAYER_TYPES.filter(
      (t) => !covered.has(t) && !['Input', 'Add', 'Concat'].includes(t),
    );
    expect(missing).toEqual([]);
  });
});
