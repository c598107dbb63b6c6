/**
 * Spotting a run that diverged without the loss becoming NaN. A design ending in softmax has its
 * probabilities clipped before the log, so a learning rate of 1e6 yields a finite but hopeless loss
 * (about 10–16) instead of Infinity; this turns that into the same explanation as a NaN.
 */
import { TrainingFailure, suggestLearningRate } from './failure.ts';

/** Batches seen before judging: a few early spikes are normal. */
const MIN_BATCHES = 20;
/** Weight of the newest batch in the moving average. */
const ALPHA = 0.1;

/**
 * The moving-average loss above which a run has diverged: well beyond ln(classes), the loss of a
 * network that only guesses, which is where every run starts.
 */
export function divergenceThreshold(classes: number): number {
  return 2 * Math.log(Math.max(classes, 2)) + 2;
}

interface Where {
  epoch: number;
  /** The batch within the epoch, or null for the epoch's mean. */
  batch: number | null;
  lr: number;
  optimizer: string;
}

function diverged(loss: number, classes: number, at: Where): TrainingFailure {
  const hint = `the learning rate ${at.lr} is probably too high; try ${suggestLearningRate(at.lr, at.optimizer)}`;
  const where =
    at.batch === null ? `over epoch ${at.epoch}` : `at epoch ${at.epoch} batch ${at.batch}`;
  return new TrainingFailure(
    `training diverged: the loss averages ${loss.toFixed(1)} ${where}, far above the ${Math.log(classes).toFixed(2)} a network that only guesses starts at — ${hint}`,
    hint,
  );
}

export interface DivergenceWatch {
  /** Feeds one batch loss; throws once the moving average stays above the threshold (after a few batches). */
  batch(loss: number, at: Where): void;
  /** Checks an epoch's mean loss (catches short runs the moving average has not judged yet). */
  epoch(meanLoss: number, at: Where): void;
}

/**
 * A watcher of a run's losses; it throws a TrainingFailure explaining the divergence once they are
 * above {@link divergenceThreshold}.
 */
export function createDivergenceWatch(classes: number): DivergenceWatch {
  const threshold = divergenceThreshold(classes);
  let average: number | null = null;
  let seen = 0;
  return {
    batch(loss, at) {
      average = average === null ? loss : (1 - ALPHA) * average + ALPHA * loss;
      seen++;
      if (seen >= MIN_BATCHES && average > threshold) throw diverged(average, classes, at);
    },
    epoch(meanLoss, at) {
      if (meanLoss > threshold) throw diverged(meanLoss, classes, { ...at, batch: null });
    },
  };
}
