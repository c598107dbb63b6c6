import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_OPTIONS, learningRateAt, resolveTrainingOptions } from './options.ts';

describe('resolveTrainingOptions', () => {
  it('fills in defaults and keeps what was given', () => {
    expect(resolveTrainingOptions({})).toEqual(DEFAULT_TRAINING_OPTIONS);
    const o = resolveTrainingOptions({
      epochs: 3,
      optimizer: 'sgd',
      augment: { flip: true, shift: 0 },
      backend: 'cpu',
    });
    expect(o).toMatchObject({
      epochs: 3,
      optimizer: 'sgd',
      batchSize: 32,
      augment: { flip: true, shift: 0 },
      backend: 'cpu',
    });
  });

  it('names every invalid or unknown option', () => {
    expect(() => resolveTrainingOptions({ learningRate: 0, batchSize: 2.5 })).toThrow(
      /learningRate: Learning rate must be above 0.*batchSize: Batch size must be a whole number|batchSize: Batch size must be a whole number.*learningRate/,
    );
    expect(() => resolveTrainingOptions({ epoch: 3 })).toThrow(/invalid training options: .*epoch/);
    expect(() => resolveTrainingOptions({ optimizer: 'rmsprop' })).toThrow(
      /optimizer: Optimizer must be 'adam' or 'sgd'/,
    );
    // The shift is a share of the image size, as the designer and the API send it.
    expect(resolveTrainingOptions({ augment: { flip: false, shift: 0.1 } }).augment.shift).toBe(
      0.1,
    );
    expect(() => resolveTrainingOptions({ augment: { flip: false, shift: 4 } })).toThrow(
      /augment\.shift: Shift must be at most 0\.5/,
    );
    expect(() => resolveTrainingOptions({ earlyStoppingPatience: 3, validationSplit: 0 })).toThrow(
      /earlyStoppingPatience: Early stopping needs a validation split above 0/,
    );
    // A rate too high to train is explained by the run (diverging loss), not refused up front.
    expect(resolveTrainingOptions({ learningRate: 1e6 }).learningRate).toBe(1e6);
  });
});

describe('learningRateAt', () => {
  it('follows the step and cosine schedules', () => {
    const step = resolveTrainingOptions({
      learningRate: 0.1,
      schedule: 'step',
      stepEvery: 2,
      stepGamma: 0.5,
    });
    expect([1, 2, 3, 4, 5].map((e) => learningRateAt(step, e))).toEqual([
      0.1, 0.1, 0.05, 0.05, 0.025,
    ]);
    const cos = resolveTrainingOptions({ learningRate: 0.1, schedule: 'cosine', epochs: 4 });
    expect(learningRateAt(cos, 1)).toBeCloseTo(0.1);
    expect(learningRateAt(cos, 3)).toBeCloseTo(0.05);
    expect(learningRateAt(cos, 4)).toBeLessThan(0.02);
  });
});
