import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetworkText, serializeNetwork } from '../files/index.ts';
import { analyzeNetwork } from '../network/analyze.ts';
import { SYNTHETIC_CLASSES, SYNTHETIC_SHAPE } from '../training/data/synthetic.ts';

const PATH = new URL('../../assets/examples/first-start.netd.json', import.meta.url);

describe('first-start example (assets/examples/first-start.netd.json)', () => {
  const doc = parseNetworkText(readFileSync(PATH, 'utf8'), PATH.pathname);

  it('is a valid, small network', () => {
    const analysis = analyzeNetwork(doc);
    expect(analysis.problems).toEqual([]);
    expect(analysis.totals.trainableParams).toBeLessThan(100_000);
  });

  it('fits the built-in synthetic data it is trained on first', () => {
    expect(doc.nodes.find((n) => n.type === 'Input')!.params.shape).toEqual([...SYNTHETIC_SHAPE]);
    const analysis = analyzeNetwork(doc);
    const last = analysis.order[analysis.order.length - 1]!;
    expect(analysis.nodes[last]!.outputShape).toEqual([SYNTHETIC_CLASSES.length]);
  });

  it('survives a write/read round trip unchanged', () => {
    expect(parseNetworkText(serializeNetwork(doc))).toEqual(doc);
  });
});
