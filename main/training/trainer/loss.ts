/** Cross-entropy and correct-count for a batch, for models ending in logits or in softmax probabilities. */
import type { Scalar, Tensor } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';

/** Probabilities are clipped so log(0) cannot turn one confident mistake into an infinite loss. */
const EPSILON = 1e-7;

/** Mean sparse categorical cross-entropy of `output` ([B, classes]) against integer `labels` ([B]). */
export function crossEntropy(
  tf: Tf,
  output: Tensor,
  labels: Tensor,
  classes: number,
  outputsLogits: boolean,
): Scalar {
  const oneHot = tf.cast(tf.oneHot(labels, classes), 'float32');
  if (outputsLogits) return tf.losses.softmaxCrossEntropy(oneHot, output) as Scalar;
  const logp = tf.log(tf.clipByValue(output, EPSILON, 1));
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logp), -1)));
}

/** Number of rows whose arg-max equals the label. */
export function correctCount(tf: Tf, output: Tensor, labels: Tensor): Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(output, -1), labels), 'int32'));
}
