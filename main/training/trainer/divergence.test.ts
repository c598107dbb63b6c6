import { describe, expect, it } from 'vitest';
import { createDivergenceWatch, divergenceThreshold } from './divergence.ts';

const at = { epoch: 1, batch: 1, lr: 0.5, optimizer: 'sgd' };

describe('divergence watch', () => {
  it('lets a normal run through, early spikes included', () => {
    const watch = createDivergenceWatch(10);
    const spikes = [2.3, 9, 12, 8, 4, 2.5];
    for (let b = 0; b < 200; b++)
      watch.batch(spikes[b] ?? 2.3 - b * 0.005, { ...at, batch: b + 1 });
    expect(() => watch.epoch(2.2, at)).not.toThrow();
  });

  it('stops a run whose loss stays far above guessing, with the rate to try', () => {
    const watch = createDivergenceWatch(4);
    expect(divergenceThreshold(4)).toBeCloseTo(2 * Math.log(4) + 2);
    expect(() => {
      for (let b = 0; b < 100; b++) watch.batch(12, { ...at, batch: b + 1 });
    }).toThrow(
      /^training diverged: the loss averages \d+\.\d at epoch 1 batch 20, far above the 1\.39 .* learning rate 0\.5 is probably too high; try 0\.05$/,
    );
  });

  it('judges a short run by its epoch mean', () => {
    const watch = createDivergenceWatch(4);
    for (let b = 0; b < 5; b++) watch.batch(13, { ...at, batch: b + 1 });
    expect(() => watch.epoch(13, { ...at, lr: 1e6 })).toThrow(
      /averages 13\.0 over epoch 1, .* try 0\.01$/,
    );
  });
});
