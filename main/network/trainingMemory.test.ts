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

  it('counts the tensors kept inside composite blocks, not just their outputs', () => {
    const blocks = { ...totals, trainingActivationBytes: 10_000 };
    const m = estimateTrainingMemory(blocks, 8, 'adam');
    expect(m.activations).toBe(80_000);
    expect(m.total).toBe(4400 + 4000 + 8000 + 80_000);
  });

  it('falls back to the outputs when an analysis has no training figure', () => {
    expect(estimateTrainingMemory(totals, 2, 'sgd').activations).toBe(8192);
  });

  it('keeps one momentum buffer for SGD and scales activations with the batch', () => {
    const m = estimateTrainingMemory(totals, 1, 'sgd');
    expect(m.optimizer).toBe(4000);
    expect(m.activations).toBe(4096);
  });
});
