/** A hand-built tiny CNN for trainer tests that do not need the network compiler. */
import type { LayersModel, SymbolicTensor } from '../../backend/tfjs.ts';
import type { Tf } from '../../backend/tf.ts';

/** conv(8) → pool → conv(16) → pool → flatten → dense(classes), ending in logits. */
export function tinyCnn(tf: Tf, shape: [number, number, number], classes: number): LayersModel {
  const input = tf.input({ shape });
  let x = tf.layers
    .conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' })
    .apply(input) as SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as SymbolicTensor;
  x = tf.layers
    .conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' })
    .apply(x) as SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as SymbolicTensor;
  x = tf.layers.flatten().apply(x) as SymbolicTensor;
  const out = tf.layers.dense({ units: classes }).apply(x) as SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}
