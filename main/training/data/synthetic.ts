/**
 * The built-in dataset: procedurally drawn shapes (circle, square, triangle, cross) with random
 * position, size, colours and noise, at any size and channel count, fully determined by a seed. It is
 * the first-start example's data, so it is deliberately learnable by a small CNN in a few epochs.
 */
import { allocSplit, capCount, type ImageShape, type Split } from './dataset.ts';
import { createRng, type Rng } from './rng.ts';

export const SYNTHETIC_CLASSES = ['circle', 'square', 'triangle', 'cross'];
export const SYNTHETIC_SHAPE: ImageShape = [32, 32, 3];
export const SYNTHETIC_TRAIN_COUNT = 2000;
export const SYNTHETIC_TEST_COUNT = 400;
/**
 * Synthetic images are kept as floats; at large inputs (224×224×3 is 600 KB an image) the default
 * counts would take gigabytes, so they shrink to stay within this budget.
 */
export const SYNTHETIC_MEMORY_BYTES = 384 * 1024 * 1024;
/** 2×2 supersampling gives anti-aliased edges, which matters at 16×16. */
const SUPERSAMPLE = 2;

type Inside = (dx: number, dy: number, r: number) => boolean;

const SHAPES: Inside[] = [
  (dx, dy, r) => dx * dx + dy * dy <= r * r,
  (dx, dy, r) => Math.abs(dx) <= 0.85 * r && Math.abs(dy) <= 0.85 * r,
  (dx, dy, r) => {
    // Apex at the top (dy = -r), base at dy = 0.7r, half-width r at the base.
    const t = (dy + r) / (1.7 * r);
    return t >= 0 && t <= 1 && Math.abs(dx) <= r * t;
  },
  (dx, dy, r) => {
    const arm = 0.3 * r;
    return (Math.abs(dx) <= arm && Math.abs(dy) <= r) || (Math.abs(dy) <= arm && Math.abs(dx) <= r);
  },
];

/** A random colour whose luminance-ish brightness lies in [lo, hi]. */
function randomColour(rng: Rng, channels: number, lo: number, hi: number): number[] {
  const level = rng.range(lo, hi);
  // Hue varies per channel around the chosen brightness, so colour alone never identifies a class.
  return Array.from({ length: channels }, () =>
    Math.min(1, Math.max(0, level + rng.range(-0.25, 0.25))),
  );
}

/**
 * A dark background and a bright shape: a consistent polarity is what lets a small net learn the
 * shapes in a few epochs, while hue, brightness, size, position and noise still vary.
 */
function colourPair(rng: Rng, channels: number): [number[], number[]] {
  return [randomColour(rng, channels, 0.05, 0.35), randomColour(rng, channels, 0.65, 0.95)];
}

/** Draws one example of class `label` into `out` at `offset`. */
function drawShape(
  rng: Rng,
  label: number,
  shape: ImageShape,
  out: Float32Array,
  offset: number,
): void {
  const [h, w, c] = shape;
  const side = Math.min(h, w);
  const r = rng.range(0.22, 0.42) * side;
  const cx = rng.range(r, w - r);
  const cy = rng.range(r, h - r);
  const [bg, fg] = colourPair(rng, c);
  const inside = SHAPES[label]!;
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const px = x + (sx + 0.5) / SUPERSAMPLE;
          const py = y + (sy + 0.5) / SUPERSAMPLE;
          if (inside(px - cx, py - cy, r)) hits++;
        }
      }
      const a = hits / samples;
      const o = offset + (y * w + x) * c;
      for (let ch = 0; ch < c; ch++) {
        const v = bg[ch]! * (1 - a) + fg[ch]! * a + 0.04 * rng.normal();
        out[o + ch] = Math.min(1, Math.max(0, v));
      }
    }
  }
}

/** `count` examples with balanced, shuffled labels, reproducible from `seed`. */
function generateShapes(
  count: number,
  shape: ImageShape,
  seed: number,
  classCount = SYNTHETIC_CLASSES.length,
): Split {
  const rng = createRng(seed);
  const split = allocSplit(count, shape);
  const size = shape[0] * shape[1] * shape[2];
  for (let i = 0; i < count; i++) {
    const label = rng.int(classCount);
    split.labels[i] = label;
    drawShape(rng, label, shape, split.images, i * size);
  }
  return split;
}

/** The synthetic train and test splits at the given shape (default 32×32×3). */
export function loadSynthetic(opts: {
  inputShape?: ImageShape;
  limit?: number;
  testLimit?: number;
  seed?: number;
}): { shape: ImageShape; train: Split; test: Split } {
  const shape = opts.inputShape ?? SYNTHETIC_SHAPE;
  const seed = opts.seed ?? 1;
  const bytesPerImage = shape[0] * shape[1] * shape[2] * 4;
  const fit = Math.max(50, Math.floor(SYNTHETIC_MEMORY_BYTES / bytesPerImage));
  const trainCount = Math.min(SYNTHETIC_TRAIN_COUNT, Math.ceil((fit * 5) / 6));
  const testCount = Math.min(SYNTHETIC_TEST_COUNT, Math.floor(fit / 6));
  return {
    shape,
    train: generateShapes(capCount(trainCount, opts.limit), shape, seed),
    // The test set does not depend on the training seed, so runs with different seeds compare fairly.
    test: generateShapes(capCount(testCount, opts.testLimit), shape, 0x7e57),
  };
}
