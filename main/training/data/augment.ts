/** Per-batch augmentation on normalised channels-last images: horizontal flip and random shift with zero padding. */
import type { ImageShape } from './dataset.ts';
import type { Rng } from './rng.ts';

export interface AugmentOptions {
  flip: boolean;
  /** Largest shift in pixels along each axis (CIFAR-style "pad and random crop"); 0 disables. */
  shift: number;
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
  const maxShift = Math.max(0, Math.floor(aug.shift));
  if (!aug.flip && maxShift === 0) return;
  const tmp = new Float32Array(size);
  for (let n = 0; n < count; n++) {
    const img = batch.subarray(n * size, (n + 1) * size);
    const flip = aug.flip && rng.next() < 0.5;
    const dx = maxShift ? rng.int(2 * maxShift + 1) - maxShift : 0;
    const dy = maxShift ? rng.int(2 * maxShift + 1) - maxShift : 0;
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
