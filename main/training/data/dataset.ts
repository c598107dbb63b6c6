/**
 * The in-memory dataset the trainer consumes: images as one contiguous channels-last Float32Array
 * per split (cheap to slice into batches) plus integer labels.
 */
import { totalmem } from 'node:os';
import { fmtShape } from '../../network/catalog/format.ts';
import type { DataDescription } from '../types.ts';

export type ImageShape = [number, number, number];

export interface Split {
  /** `count` images of `H·W·C` floats each, channels-last. */
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

export interface Normalization {
  mean: number[];
  std: number[];
}

export interface Dataset {
  description: DataDescription;
  inputShape: ImageShape;
  classes: string[];
  train: Split;
  test: Split;
  /** Per-channel statistics applied to every split (from the training split); null before normalisation. */
  normalization: Normalization | null;
}

/** Options shared by every loader. */
export interface LoadOptions {
  /** Use at most this many training / test examples (0 = all). */
  limit?: number;
  testLimit?: number;
  /** Shape the network expects; image folders and synthetic data are produced at this size. */
  inputShape?: ImageShape;
  seed?: number;
}

/** Thrown for unusable data; the message names the file or folder and is meant for the user as is. */
export class DataError extends Error {
  override name = 'DataError';
}

/**
 * The most memory one split of images may take as floats. Beyond it the allocation would fail
 * (or swap the machine to a halt) with no hint of the cause, so loading stops with the way out.
 */
export const MAX_SPLIT_BYTES = Math.min(4 * 1024 ** 3, totalmem() / 2);

const gigabytes = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/**
 * Creates an empty split of `count` images of the given shape.
 * @throws DataError when it would exceed {@link MAX_SPLIT_BYTES}, saying how many images fit.
 */
export function allocSplit(count: number, shape: ImageShape): Split {
  const imageBytes = shape[0] * shape[1] * shape[2] * Float32Array.BYTES_PER_ELEMENT;
  if (count * imageBytes > MAX_SPLIT_BYTES) {
    const fit = Math.floor(MAX_SPLIT_BYTES / imageBytes);
    throw new DataError(
      `${count} images of ${fmtShape(shape)} need ${gigabytes(count * imageBytes)} of memory, more than the ${gigabytes(MAX_SPLIT_BYTES)} training may use here — use at most ${fit} images (a limit) or a smaller Input shape`,
    );
  }
  return {
    images: new Float32Array(count * shape[0] * shape[1] * shape[2]),
    labels: new Int32Array(count),
    count,
  };
}

/** `n` capped by a limit where 0 (or absent) means "no limit". */
export function capCount(n: number, limit: number | undefined): number {
  return limit && limit > 0 ? Math.min(n, limit) : n;
}
