/**
 * The best epoch so far by validation accuracy, for early stopping and keep-best. With keep-best it
 * holds a copy of that epoch's weights (BatchNorm statistics included) and puts them back at the end.
 */
import type { LayersModel, Tensor } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';

export interface BestEpoch {
  /** Records a finished epoch; returns true when it is the new best (ties keep the earlier one). */
  consider(epoch: number, valAccuracy: number): boolean;
  /** Epochs finished since the best one. */
  readonly sinceBest: number;
  /** The best epoch and its validation accuracy, or null before any validated epoch. */
  readonly best: { epoch: number; accuracy: number } | null;
  /** Notes that the weights changed (a batch trained) after the last snapshot. */
  markTrained(): void;
  /** With keep-best, puts the best epoch's weights back when they have changed since; true if it did. */
  restore(): boolean;
  /** Frees the snapshot. */
  dispose(): void;
}

/** Tracks the best epoch of `model`; snapshots its weights only when `keepWeights` is set. */
export function trackBestEpoch(tf: Tf, model: LayersModel, keepWeights: boolean): BestEpoch {
  let best: { epoch: number; accuracy: number } | null = null;
  let weights: Tensor[] = [];
  let sinceBest = 0;
  let changed = false;
  return {
    consider(epoch, accuracy) {
      if (best && accuracy <= best.accuracy) {
        sinceBest++;
        return false;
      }
      best = { epoch, accuracy };
      sinceBest = 0;
      if (keepWeights) {
        tf.dispose(weights);
        weights = model.getWeights().map((w) => tf.keep(w.clone()));
        changed = false;
      }
      return true;
    },
    get sinceBest() {
      return sinceBest;
    },
    get best() {
      return best;
    },
    markTrained() {
      changed = true;
    },
    restore() {
      if (!keepWeights || weights.length === 0 || !changed) return false;
      model.setWeights(weights);
      changed = false;
      return true;
    },
    dispose() {
      tf.dispose(weights);
      weights = [];
    },
  };
}
