/** Inference over a whole split in batches: loss, accuracy and the confusion matrix. */
import type { LayersModel, Tensor } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import type { ImageShape } from '../data/dataset.ts';
import type { Subset } from '../data/prepare.ts';
import { gatherBatch, toTensors } from './batches.ts';
import { crossEntropy } from './loss.ts';

export interface Evaluation {
  loss: number;
  accuracy: number;
  /** Rows = true class, columns = predicted class. */
  confusion: number[][];
}

/**
 * Evaluates `model` (inference mode: dropout off, BatchNorm on moving statistics).
 * Returns null for an empty split.
 */
export async function evaluate(
  tf: Tf,
  model: LayersModel,
  split: Subset,
  shape: ImageShape,
  classes: number,
  outputsLogits: boolean,
  batchSize: number,
): Promise<Evaluation | null> {
  if (split.count === 0) return null;
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const bs = Math.max(batchSize, 64);
  const buf = new Float32Array(bs * shape[0] * shape[1] * shape[2]);
  const labels = new Int32Array(bs);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < split.count; start += bs) {
    const n = Math.min(bs, split.count - start);
    gatherBatch(split, null, start, n, shape, buf, labels);
    const { xs, ys } = toTensors(tf, buf, labels, n, shape);
    const [lossT, predT] = tf.tidy(() => {
      const out = model.apply(xs, { training: false }) as Tensor;
      return [crossEntropy(tf, out, ys, classes, outputsLogits), tf.argMax(out, -1)];
    });
    const [loss, pred] = await Promise.all([lossT.data(), predT.data()]);
    tf.dispose([xs, ys, lossT, predT]);
    lossSum += loss[0]! * n;
    for (let i = 0; i < n; i++) {
      const p = pred[i]!;
      const t = labels[i]!;
      if (p === t) correct++;
      const row = confusion[t];
      if (row && p < classes) row[p]!++;
    }
  }
  return { loss: lossSum / split.count, accuracy: correct / split.count, confusion };
}
