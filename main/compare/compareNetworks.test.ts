/** Comparing designs: deltas that add up, stages lined up by name, a design compared with itself. */
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../network/analyze.ts';
import type { Stage } from '../network/stages.ts';
import { chain } from '../network/testDocs.ts';
import { estimateTrainingMemory } from '../network/trainingMemory.ts';
import { buildTemplate } from '../templates/index.ts';
import { alignStages } from './alignStages.ts';
import { COMPARE_FIGURES, compareNetworks } from './compareNetworks.ts';

const template = (id: string) => buildTemplate(id, {}).doc;

describe('compareNetworks', () => {
  it('gives B − A of every total, as analysis counts them', () => {
    const a = template('resnet18');
    const b = template('resnet34');
    const c = compareNetworks(a, b);
    const ta = analyzeNetwork(a).totals;
    const tb = analyzeNetwork(b).totals;
    expect(c.a.trainableParams).toBe(ta.trainableParams);
    expect(c.delta.trainableParams).toBe(tb.trainableParams - ta.trainableParams);
    expect(c.delta.nonTrainableParams).toBe(tb.nonTrainableParams - ta.nonTrainableParams);
    expect(c.delta.macs).toBe(tb.macs - ta.macs);
    expect(c.a.trainingMemoryBytes).toBe(estimateTrainingMemory(ta, 32, 'adam').total);
    expect(c.memoryAssumes).toEqual({ batchSize: 32, optimizer: 'adam' });
    expect(c.a.outputShape).toEqual([1000]);
    expect(c.delta.outputShapeChanged).toBe(false);
    expect(c.changed).toEqual(
      expect.arrayContaining(['trainableParams', 'macs', 'receptiveField']),
    );
    expect(c.changed).not.toContain('outputShape');
  });

  it('lines up the stages by name, and per-stage deltas add up to the total delta', () => {
    const c = compareNetworks(template('resnet18'), template('resnet34'));
    expect(c.stages.map((s) => s.name)).toEqual([
      'input',
      '112×112',
      'layer1',
      'layer2',
      'layer3',
      'layer4',
      'classifier',
    ]);
    expect(c.stages.find((s) => s.name === 'layer3')!.b!.nodeIds).toHaveLength(6);
    expect(c.stages.find((s) => s.name === '112×112')!.changed).toEqual([]);
    expect(c.stages.find((s) => s.name === 'layer1')!.changed).toContain('trainableParams');
    for (const key of ['trainableParams', 'nonTrainableParams', 'macs', 'activationBytes'] as const)
      expect(c.stages.reduce((sum, s) => sum + s.delta![key], 0)).toBe(c.delta[key]);
  });

  it('finds nothing to report when a design is compared with itself', () => {
    const doc = template('googlenet');
    const c = compareNetworks(doc, doc, { batchSize: 8, optimizer: 'sgd' });
    for (const key of COMPARE_FIGURES) expect(c.delta[key]).toBe(0);
    expect(c.changed).toEqual([]);
    expect(c.stages.every((s) => s.changed.length === 0)).toBe(true);
    expect(c.memoryAssumes).toEqual({ batchSize: 8, optimizer: 'sgd' });
  });

  it('shows a stage that only one design has on its side alone', () => {
    const conv = { filters: 4, kernelSize: 3, padding: 'same' };
    const a = chain([16, 16, 3], ['Conv2D', conv], ['GlobalAvgPool2D'], ['Dense', { units: 2 }]);
    const b = chain(
      [16, 16, 3],
      ['Conv2D', conv],
      ['MaxPool2D', {}],
      ['Conv2D', conv],
      ['GlobalAvgPool2D'],
      ['Dense', { units: 2 }],
    );
    const c = compareNetworks(a, b);
    expect(c.stages.map((s) => [s.name, Boolean(s.a), Boolean(s.b)])).toEqual([
      ['input', true, true],
      ['16×16', true, true],
      ['8×8', false, true],
      ['classifier', true, true],
    ]);
    expect(c.stages[2]!.delta).toBeNull();
    expect(c.stages[1]!.changed).toContain('outputShape');
    expect(c.delta.receptiveField).toEqual([4, 4]);
  });

  it('still compares a design with errors, saying it is invalid', () => {
    const bad = chain([8, 8, 1], ['Dense', { units: 2 }]);
    const c = compareNetworks(bad, template('lenet5'));
    expect(c.a.valid).toBe(false);
    expect(c.b.valid).toBe(true);
  });
});

describe('alignStages', () => {
  const s = (name: string) => ({ name }) as Stage;
  const names = (a: string[], b: string[]) =>
    alignStages(a.map(s), b.map(s)).map((r) => `${r.a?.name ?? '-'}|${r.b?.name ?? '-'}`);

  it('matches names in order and pairs what lies between two matches by position', () => {
    expect(names(['in', 'x', 'y', 'head'], ['in', 'p', 'head'])).toEqual([
      'in|in',
      'x|p',
      'y|-',
      'head|head',
    ]);
    expect(names(['in', 'head'], ['in', 'extra', 'head'])).toEqual([
      'in|in',
      '-|extra',
      'head|head',
    ]);
    expect(names([], ['in'])).toEqual(['-|in']);
  });
});
