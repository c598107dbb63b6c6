/**
 * One shape for "a run to show", whether it is streaming now (LiveRun) or reopened from the run
 * store (RunDetail), so the charts and the results card do not care where it came from.
 */
import type {
  RunBackend,
  EpochMetrics,
  RunDetail,
  RunStatus,
  TrainingOptions,
} from '../../main/training/types.ts';
import type { LiveRun, LiveStatus } from './liveRun.ts';
import type { BatchPoint } from './series.ts';

export interface RunView {
  runId: string;
  /** Live status, or the stored status of a reopened run. */
  status: LiveStatus | RunStatus;
  live: boolean;
  backend: RunBackend | null;
  options: TrainingOptions | null;
  batchPoints: BatchPoint[];
  epochs: EpochMetrics[];
  confusion: number[][] | null;
  classes: string[];
  testAccuracy: number | null;
  valAccuracy: number | null;
  message: string | null;
  hint: string | null;
  hasModel: boolean;
}

/** A streaming run as a view. */
export function viewFromLive(run: LiveRun): RunView {
  const last = run.epochs[run.epochs.length - 1];
  return {
    runId: run.runId,
    status: run.status,
    live: true,
    backend: run.backend,
    options: run.options,
    batchPoints: run.series.points,
    epochs: run.epochs,
    confusion: run.result?.confusion ?? null,
    classes: run.result?.classes ?? run.data?.classes ?? [],
    testAccuracy: run.result?.testAccuracy ?? null,
    valAccuracy: run.result?.valAccuracy ?? last?.valAccuracy ?? null,
    message: run.failure?.message ?? null,
    hint: run.failure?.hint ?? null,
    // The trainer saves the model when a run ends normally or is stopped.
    hasModel: run.status === 'done' || run.status === 'stopped',
  };
}

/**
 * A stored run as a view. Stored batch losses carry a global step; they are placed on the epoch
 * axis using the steps per epoch implied by the run's own length.
 */
export function viewFromDetail(run: RunDetail): RunView {
  const lastStep = run.batchLoss.length > 0 ? run.batchLoss[run.batchLoss.length - 1]!.step : 0;
  const firstStep = run.batchLoss[0]?.step ?? 0;
  // Steps may be numbered from 0 or 1; either way the last one ends the last batch.
  const offset = firstStep === 0 ? 1 : 0;
  const steps = lastStep + offset;
  const perEpoch = run.epochsDone > 0 && steps > 0 ? steps / run.epochsDone : Math.max(1, steps);
  const best = run.epochHistory.reduce<number | null>(
    (acc, e) =>
      e.valAccuracy !== null && (acc === null || e.valAccuracy > acc) ? e.valAccuracy : acc,
    null,
  );
  return {
    runId: run.runId,
    status: run.status,
    live: false,
    backend: run.backend,
    options: run.options,
    batchPoints: run.batchLoss
      .filter((p) => Number.isFinite(p.loss))
      .map((p) => ({ x: (p.step + offset) / perEpoch, loss: p.loss, accuracy: null })),
    epochs: run.epochHistory,
    confusion: run.confusion,
    classes: run.classes,
    testAccuracy: run.testAccuracy,
    valAccuracy: run.bestValAccuracy ?? best,
    message: run.message,
    hint: null,
    hasModel: run.hasModel,
  };
}
