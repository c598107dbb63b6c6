/** Optimizer construction and learning-rate changes between epochs. */
import type { Optimizer } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import type { TrainingOptions } from '../types.ts';

/** Adam, or SGD with (classical) momentum; plain SGD when momentum is 0. */
export function createOptimizer(tf: Tf, opts: TrainingOptions): Optimizer {
  if (opts.optimizer === 'adam') return tf.train.adam(opts.learningRate);
  return opts.momentum > 0
    ? tf.train.momentum(opts.learningRate, opts.momentum)
    : tf.train.sgd(opts.learningRate);
}

/**
 * Changes the rate of a live optimizer. tfjs exposes `setLearningRate` only on SGD/momentum; Adam
 * reads its protected `learningRate` field on every step, so writing the field works there.
 */
export function setLearningRate(optimizer: Optimizer, rate: number): void {
  const o = optimizer as unknown as { setLearningRate?: (r: number) => void; learningRate: number };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(rate);
  else o.learningRate = rate;
}
