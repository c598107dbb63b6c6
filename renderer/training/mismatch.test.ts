import { describe, expect, it } from 'vitest';
import type { NetworkAnalysis, NetworkDoc } from '../../main/network/types.ts';
import type { DataDescription } from '../../main/training/types.ts';
import { stubAnalysis } from '../testing/analysisStub.ts';
import { adaptSummary, designFacts, designOutline, findMismatches } from './mismatch.ts';

const doc: NetworkDoc = {
  format: 'netdesigner.network',
  version: 1,
  name: 'Tiny',
  nodes: [
    { id: 'in', type: 'Input', params: { shape: [32, 32, 3] } },
    { id: 'gap', type: 'GlobalAvgPool2D', params: {} },
    { id: 'fc', type: 'Dense', params: { units: 10 } },
  ],
  edges: [
    { source: 'in', target: 'gap' },
    { source: 'gap', target: 'fc' },
  ],
};

const analysis: NetworkAnalysis = {
  ...stubAnalysis({ in: [32, 32, 3], gap: [3], fc: [10] }),
  totals: { trainableParams: 40, nonTrainableParams: 0, macs: 30, activationBytes: 0 },
};

const data = (
  format: DataDescription['format'],
  inputShape: [number, number, number],
  classes: number,
): DataDescription => ({
  spec: format,
  format,
  path: null,
  inputShape,
  classes: Array.from({ length: classes }, (_, i) => `c${i}`),
  trainCount: 100,
  testCount: 10,
});

describe('data / network mismatch', () => {
  const facts = designFacts(designOutline(doc), analysis);

  it('reads the input shape and class count of a design', () => {
    expect(facts).toEqual({ inputShape: [32, 32, 3], classes: 10, errors: [] });
  });

  it('collects design errors as sentences', () => {
    const broken = {
      ...analysis,
      valid: false,
      problems: [
        { severity: 'error' as const, code: 'cycle' as const, message: 'There is a cycle.' },
      ],
    };
    expect(designFacts(designOutline(doc), broken).errors).toEqual(['There is a cycle.']);
  });

  it('finds nothing when data and design agree', () => {
    expect(findMismatches(data('cifar10', [32, 32, 3], 10), facts)).toEqual([]);
  });

  it('explains size, channel and class differences of fixed-size data, all blocking', () => {
    const found = findMismatches(data('idx', [28, 28, 1], 10), facts);
    expect(found.map((m) => [m.kind, m.blocking])).toEqual([
      ['size', true],
      ['channels', true],
    ]);
    expect(found[1]!.message).toContain('1 channel (grayscale)');
    const summary = adaptSummary(
      data('idx', [28, 28, 1], 5),
      findMismatches(data('idx', [28, 28, 1], 5), facts),
    );
    expect(summary).toBe(
      'Adapt will set the Input to 28×28×1 and give the classifier 5 outputs, shrink a large first convolution for small images and pad layers that would vanish, and list every change.',
    );
  });

  it('only notes size differences for image folders, resized to the network input', () => {
    const found = findMismatches(data('image-folder', [64, 64, 3], 4), facts);
    expect(found.filter((m) => m.blocking).map((m) => m.kind)).toEqual(['classes']);
    expect(found.find((m) => m.kind === 'size')?.message).toContain('resized to the network');
  });

  it('says nothing about the size of synthetic data, which is drawn at any size', () => {
    expect(findMismatches(data('synthetic', [28, 28, 1], 10), facts)).toEqual([]);
  });
});
