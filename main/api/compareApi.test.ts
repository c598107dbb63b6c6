/** The compare and examples calls, as the renderer makes them through the API. */
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../templates/index.ts';
import { ApiError } from './errors.ts';
import { createCompareApi } from './compareApi.ts';

const api = createCompareApi();

describe('compare API', () => {
  it('networkCompare returns B − A with the memory assumptions asked for', async () => {
    const a = buildTemplate('resnet18').doc;
    const b = buildTemplate('resnet34').doc;
    const c = await api.networkCompare({ a, b, batchSize: 4, optimizer: 'sgd' });
    expect(c.delta.trainableParams).toBe(c.b.trainableParams - c.a.trainableParams);
    expect(c.memoryAssumes).toEqual({ batchSize: 4, optimizer: 'sgd' });
  });

  it('lists the five classic pairs and loads each with an explanation built from its numbers', async () => {
    const list = await api.examplesList();
    expect(list.map((e) => e.id)).toEqual([
      'conv7-vs-3x3',
      'inception-naive-vs-reduced',
      'vgg16-flatten-vs-gap',
      'basic-vs-bottleneck',
      'plain-vs-shortcuts',
    ]);
    for (const { id } of list) {
      const ex = await api.examplesLoad({ id });
      expect(ex.comparison.a.valid && ex.comparison.b.valid).toBe(true);
      const sentences = ex.explanation.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(3);
      // The figures quoted are the comparison's own.
      expect(ex.explanation).toContain(ex.comparison.b.trainableParams.toLocaleString('en-US'));
    }
  });

  it('explains the pairs with the figures that make the point', async () => {
    const conv = await api.examplesLoad({ id: 'conv7-vs-3x3' });
    expect(conv.comparison.a.receptiveField).toEqual(conv.comparison.b.receptiveField);
    expect(conv.comparison.delta.trainableParams).toBeLessThan(0);
    const inception = await api.examplesLoad({ id: 'inception-naive-vs-reduced' });
    expect(inception.comparison.delta.macs).toBeLessThan(0);
    const vgg = await api.examplesLoad({ id: 'vgg16-flatten-vs-gap' });
    expect(vgg.comparison.stages.find((s) => s.name === 'classifier')!.changed).toContain(
      'trainableParams',
    );
    expect(vgg.comparison.stages.find((s) => s.name === 'conv5')!.changed).toEqual([]);
    const plain = await api.examplesLoad({ id: 'plain-vs-shortcuts' });
    expect(plain.comparison.delta.trainableParams).toBe(0);
    expect(plain.comparison.delta.activationBytes).toBeGreaterThan(0);
  });

  it('answers an unknown example with not-found naming the known ones', async () => {
    await expect(api.examplesLoad({ id: 'nope' })).rejects.toThrow(ApiError);
    await expect(api.examplesLoad({ id: 'nope' })).rejects.toThrow(/conv7-vs-3x3/);
  });
});
