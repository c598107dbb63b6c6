/** Slicing a prepared split into batch tensors. */
import type { Tensor } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import type { ImageShape } from '../data/dataset.ts';
import type { Subset } from '../data/prepare.ts';

/** Copies the subset's examples at positions `order[start..start+n)` (or `start..start+n` when `order` is null) into `buf` / `labels` (reused across batches to spare the GC). */
export function gatherBatch(
  subset: Subset,
  order: ArrayLike<number> | null,
  start: number,
  n: number,
  shape: ImageShape,
  buf: Float32Array,
  labels: Int32Array,
): void {
  const size = shape[0] * shape[1] * shape[2];
  for (let i = 0; i < n; i++) {
    const j = subset.indices[order ? order[start + i]! : start + i]!;
    buf.set(subset.source.images.subarray(j * size, (j + 1) * size), i * size);
    labels[i] = subset.source.labels[j]!;
  }
}

/** Tensors for the first `n` examples of the buffers. The caller disposes them. */
export function toTensors(
  tf: Tf,
  buf: Float32Array,
  labels: Int32Array,
  n: number,
  shape: ImageShape,
): { xs: Tensor; ys: Tensor } {
  const size = shape[0] * shape[1] * shape[2];
  return {
    // slice() copies: the buffers are reused for the next batch while tfjs may still hold these values.
    xs: tf.tensor4d(buf.slice(0, n * size), [n, ...shape]),
    ys: tf.tensor1d(labels.slice(0, n), 'int32'),
  };
}
