/**
 * Turning a loaded dataset into what the trainer iterates: a seeded train/validation split and
 * per-channel normalisation. Splits are index views over the loaded arrays, so preparing a large
 * dataset does not copy its images.
 */
import type { Dataset, ImageShape, Normalization, Split } from './dataset.ts';
import { createRng, shuffledIndices } from './rng.ts';

/** Some examples of a split, by index (no copy). */
export interface Subset {
  source: Split;
  indices: Int32Array;
  count: number;
}

export interface PreparedData {
  inputShape: ImageShape;
  classes: string[];
  train: Subset;
  /** Empty when the validation split is 0. */
  val: Subset;
  /** Empty when the dataset has no test set. */
  test: Subset;
  normalization: Normalization;
}

function subset(source: Split, indices: Int32Array): Subset {
  return { source, indices, count: indices.length };
}

/** Every example of a split, in order. */
function wholeSplit(source: Split): Subset {
  return subset(
    source,
    Int32Array.from({ length: source.count }, (_, i) => i),
  );
}

/** Mean and standard deviation of every channel over a subset (std floored so flat channels stay finite). */
function channelStats(s: Subset, channels: number): Normalization {
  const sum = new Float64Array(channels);
  const sq = new Float64Array(channels);
  const size = s.source.images.length / Math.max(s.source.count, 1);
  for (const j of s.indices) {
    const img = s.source.images.subarray(j * size, (j + 1) * size);
    for (let i = 0; i < img.length; i++) {
      const ch = i % channels;
      const v = img[i]!;
      sum[ch] = sum[ch]! + v;
      sq[ch] = sq[ch]! + v * v;
    }
  }
  const n = (s.count * size) / channels;
  const mean = Array.from(sum, (v) => (n > 0 ? v / n : 0));
  const std = Array.from(sq, (v, ch) =>
    Math.max(Math.sqrt(Math.max(n > 0 ? v / n - mean[ch]! ** 2 : 0, 0)), 1e-3),
  );
  return { mean, std };
}

/** Normalises a whole split in place: (x − mean) / std per channel. */
function normalizeInPlace(split: Split, norm: Normalization): void {
  const c = norm.mean.length;
  const img = split.images;
  for (let i = 0; i < img.length; i++) img[i] = (img[i]! - norm.mean[i % c]!) / norm.std[i % c]!;
}

/**
 * Holds out a seeded, shuffled `validationSplit` fraction of the training examples and normalises
 * every split with statistics of the remaining training examples. Normalises `ds` in place.
 */
export function prepareData(
  ds: Dataset,
  opts: { validationSplit: number; seed: number },
): PreparedData {
  const order = shuffledIndices(ds.train.count, createRng(opts.seed));
  const valCount =
    opts.validationSplit > 0
      ? Math.min(ds.train.count - 1, Math.max(1, Math.round(ds.train.count * opts.validationSplit)))
      : 0;
  const val = subset(ds.train, order.slice(0, valCount));
  const train = subset(ds.train, order.slice(valCount));
  const normalization = channelStats(train, ds.inputShape[2]);
  normalizeInPlace(ds.train, normalization);
  normalizeInPlace(ds.test, normalization);
  return {
    inputShape: ds.inputShape,
    classes: ds.classes,
    train,
    val,
    test: wholeSplit(ds.test),
    normalization,
  };
}
