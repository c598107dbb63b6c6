/**
 * A first-order estimate of the memory training needs, in float32: weights, their gradients, the
 * optimizer's state and the activations kept for the backward pass of one batch. Real frameworks
 * add workspace and fragmentation, so this is a lower bound to compare designs with.
 *
 * Shared by value with the renderer (summary bar) and used by `compareNetworks`: it may import
 * only types (lint), so the one formula serves both sides.
 */
import type { Totals } from './types.ts';

export interface TrainingMemory {
  weights: number;
  gradients: number;
  optimizer: number;
  /** Activations kept for the backward pass of one batch (inside composite blocks too). */
  activations: number;
  total: number;
}

const FLOAT32 = 4;

/** Bytes of training memory for `totals` at `batchSize` with Adam (2 moments) or SGD with momentum (1). */
export function estimateTrainingMemory(
  totals: Totals,
  batchSize: number,
  optimizer: 'adam' | 'sgd',
): TrainingMemory {
  const weights = (totals.trainableParams + totals.nonTrainableParams) * FLOAT32;
  const gradients = totals.trainableParams * FLOAT32;
  const optimizerBytes = totals.trainableParams * FLOAT32 * (optimizer === 'adam' ? 2 : 1);
  // Every tensor the backward pass keeps, including those inside Inception/residual blocks (whose
  // `activationBytes` is only the block's output); older analyses without it fall back.
  const perExample = totals.trainingActivationBytes ?? totals.activationBytes;
  const activations = perExample * Math.max(1, batchSize);
  return {
    weights,
    gradients,
    optimizer: optimizerBytes,
    activations,
    total: weights + gradients + optimizerBytes + activations,
  };
}
