import { describe, expect, it } from 'vitest';
import { estimateTrainingMemory } from './trainingMemory.ts';

describe('training memory estimate', () => {
  const totals = { trainableParams: 1000, nonTrainableParams: 100, macs: 0, activationBytes: 4096 };

  it('counts weights, gradients, two Adam moments and a batch of activations', () => {
    const m = estimateTrainingMemory(totals, 32, 'adam');
    expect(m).toEqual({
      weights: 4400,
      gradients: 4000,
      optimizer: 8000,
      activations: 131072,
      total: 147472,
    });
  });

  it('keeps one momentum buffer for SGD and scales activations with the batch', () => {
    const m = estimateTrainingMemory(totals, 1, 'sgd');
    expect(m.optimizer).toBe(4000);
    expect(m.activations).toBe(4096);
  });
});
