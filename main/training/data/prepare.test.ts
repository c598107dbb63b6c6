import { describe, expect, it } from 'vitest';
import { loadDataset } from './loadDataset.ts';
import { prepareData } from './prepare.ts';
import { augmentBatch, maxShiftPixels } from './augment.ts';
import { createRng, type Rng } from './rng.ts';

describe('prepareData', () => {
  it('holds out a seeded validation split and normalises each channel to mean 0, std 1', async () => {
    const ds = await loadDataset('synthetic', { inputShape: [8, 8, 3], limit: 100, testLimit: 20 });
    const p = prepareData(ds, { validationSplit: 0.2, seed: 5 });
    expect(p.train.count).toBe(80);
    expect(p.val.count).toBe(20);
    expect(p.test.count).toBe(20);
    for (let ch = 0; ch < 3; ch++) {
      let s = 0;
      let s2 = 0;
      const n = p.train.count * 64; // 8×8 pixels per image
      for (const j of p.train.indices) {
        for (let i = ch; i < 64 * 3; i += 3) {
          const v = p.train.source.images[j * 192 + i]!;
          s += v;
          s2 += v * v;
        }
      }
      expect(s / n).toBeCloseTo(0, 4);
      expect(Math.sqrt(s2 / n)).toBeCloseTo(1, 3);
    }
    const again = prepareData(
      await loadDataset('synthetic', { inputShape: [8, 8, 3], limit: 100, testLimit: 20 }),
      { validationSplit: 0.2, seed: 5 },
    );
    expect(Array.from(again.val.indices)).toEqual(Array.from(p.val.indices));
    expect(new Set([...p.val.indices, ...p.train.indices]).size).toBe(100);
  });
});

describe('augmentBatch', () => {
  const fixed = (next: number, ints: number[]): Rng => ({
    next: () => next,
    int: () => ints.shift() ?? 0,
    range: () => 0,
    normal: () => 0,
  });

  it('flips horizontally', () => {
    const img = Float32Array.from([1, 2, 3]); // one 1×3 single-channel image
    augmentBatch(img, 1, [1, 3, 1], { flip: true, shift: 0 }, fixed(0.1, []));
    expect(Array.from(img)).toEqual([3, 2, 1]);
  });

  it('shifts with zero padding', () => {
    const img = Float32Array.from([1, 2, 3]);
    // A third of 3 px wide is 1 px (and 0 px of 1 px high): int(3) = 2 → dx = +1.
    augmentBatch(img, 1, [1, 3, 1], { flip: false, shift: 1 / 3 }, fixed(0.9, [2]));
    expect(Array.from(img)).toEqual([0, 1, 2]);
  });

  it('takes the shift as a share of each side, as the designer and the API send it', () => {
    expect(maxShiftPixels(0.1, 32)).toBe(3);
    expect(maxShiftPixels(0.125, 28)).toBe(4);
    expect(maxShiftPixels(0.01, 28)).toBe(0);
    expect(maxShiftPixels(0.5, 1)).toBe(0);
  });

  it('leaves images alone when augmentation is off', () => {
    const img = Float32Array.from([1, 2, 3]);
    augmentBatch(img, 1, [1, 3, 1], { flip: false, shift: 0 }, createRng(1));
    expect(Array.from(img)).toEqual([1, 2, 3]);
  });
});
