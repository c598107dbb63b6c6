/** Per-batch augmentation on normalised channels-last images: horizontal flip and random shift with zero padding. */
import type { ImageShape } from './dataset.ts';
import type { Rng } from './rng.ts';

export interface AugmentOptions {
  flip: boolean;
  /**
   * Largest shift along each axis as a share of that axis (0.1 on 32×32 = up to 3 px; CIFAR-style
   * "pad and random crop"), from 0 (off) to 0.5 — the unit the designer's options and the API use.
   */
  shift: number;
}

/** The largest shift in pixels along an axis of `size` pixels for a shift given as a share of it. */
export function maxShiftPixels(share: number, size: number): number {
  return Math.max(0, Math.min(Math.round(share * size), size - 1));
}

/**
 * Augments `count` images in `batch` in place. Zero padding after normalisation fills with the
 * dataset mean, so shifted-in borders look like an average pixel rather than black.
 */
export function augmentBatch(
  batch: Float32Array,
  count: number,
  shape: ImageShape,
  aug: AugmentOptions,
  rng: Rng,
): void {
  const [h, w, c] = shape;
  const size = h * w * c;
  const maxDy = maxShiftPixels(aug.shift, h);
  const maxDx = maxShiftPixels(aug.shift, w);
  if (!aug.flip && maxDx === 0 && maxDy === 0) return;
  const tmp = new Float32Array(size);
  for (let n = 0; n < count; n++) {
    const img = batch.subarray(n * size, (n + 1) * size);
    const flip = aug.flip && rng.next() < 0.5;
    const dx = maxDx ? rng.int(2 * maxDx + 1) - maxDx : 0;
    const dy = maxDy ? rng.int(2 * maxDy + 1) - maxDy : 0;
    if (!flip && dx === 0 && dy === 0) continue;
    tmp.fill(0);
    for (let y = 0; y < h; y++) {
      const sy = y - dy;
      if (sy < 0 || sy >= h) continue;
      for (let x = 0; x < w; x++) {
        let sx = x - dx;
        if (sx < 0 || sx >= w) continue;
        if (flip) sx = w - 1 - sx;
        const o = (y * w + x) * c;
        const s = (sy * w + sx) * c;
        for (let ch = 0; ch < c; ch++) tmp[o + ch] = img[s + ch]!;
      }
    }
    img.set(tmp);
  }
}
