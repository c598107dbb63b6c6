/**
 * The state of the run being watched, folded from the host's training event stream. Pure: the store
 * buffers events and applies them in batches so a fast backend (hundreds of batches a second)
 * never re-renders the dashboard per batch.
 */
import type {
  RunBackend,
  DataDescription,
  EpochMetrics,
  RunDetail,
  TrainingEvent,
  TrainingOptions,
} from '../../main/training/types.ts';
import { appendPoints, emptySeries, type BatchPoint, type BoundedSeries } from './series.ts';

export type LiveStatus = 'starting' | 'running' | 'done' | 'stopped' | 'failed';

export interface LiveResult {
  testAccuracy: number | null;
  valAccuracy: number | null;
  trainLoss: number;
  imagesPerSecond: number;
  confusion: number[][];
  classes: string[];
}

export interface LiveRun {
  runId: string;
  status: LiveStatus;
  backend: RunBackend | null;
  backendNote: string;
  data: DataDescription | null;
  options: TrainingOptions | null;
  /** Batches over all epochs, as announced at start (early stopping may end sooner). */
  totalBatches: number;
  batchesPerEpoch: number;
  /**
   * Batches done over all epochs. Computed from the latest batch event's position rather than
   * counted, because the trainer reports batches at most every ~100 ms, not every one.
   */
  batchesDone: number;
  /** 1-based epoch of the latest batch event, and its 1-based batch within that epoch. */
  epoch: number;
  batch: number;
  imagesPerSecond: number;
  etaSeconds: number | null;
  memoryBytes: number | null;
  numTensors: number | null;
  series: BoundedSeries;
  epochs: EpochMetrics[];
  result: LiveResult | null;
  failure: { message: string; hint: string | null } | null;
}

/** A run the user just started, before its `started` event arrives. */
export function newLiveRun(runId: string): LiveRun {
  return {
    runId,
    status: 'starting',
    backend: null,
    backendNote: '',
    data: null,
    options: null,
    totalBatches: 0,
    batchesPerEpoch: 0,
    batchesDone: 0,
    epoch: 0,
    batch: 0,
    imagesPerSecond: 0,
    etaSeconds: null,
    memoryBytes: null,
    numTensors: null,
    series: emptySeries(),
    epochs: [],
    result: null,
    failure: null,
  };
}

/** Fraction of the run done, 0–1 (1 once it has finished; where it stopped when stopped). */
export function progressOf(run: LiveRun): number {
  if (run.status === 'done') return 1;
  // A run adopted after a reload missed its `started` event; its options may still be known.
  const total =
    run.totalBatches > 0 ? run.totalBatches : (run.options?.epochs ?? 0) * run.batchesPerEpoch;
  if (total <= 0) return 0;
  return Math.min(1, run.batchesDone / total);
}

/** Whether the run is still going (Stop applies). */
export function isActive(run: LiveRun | null): boolean {
  return run !== null && (run.status === 'starting' || run.status === 'running');
}

/**
 * Folds events into a run (epochs and batches are numbered from 1, as the trainer and the run store
 * do). Events of other runs are ignored; events after the run has ended are
 * ignored too (a late batch must not revive a stopped run). Returns the same object when nothing
 * changed, so React can skip the render.
 */
export function applyEvents(run: LiveRun, events: readonly TrainingEvent[]): LiveRun {
  const mine = events.filter((e) => e.runId === run.runId);
  if (mine.length === 0) return run;
  const next: LiveRun = { ...run, epochs: run.epochs.slice() };
  const points: BatchPoint[] = [];
  for (const event of mine) {
    if (next.status === 'done' || next.status === 'stopped' || next.status === 'failed') break;
    switch (event.event) {
      case 'started':
        next.status = 'running';
        next.backend = event.backend;
        next.backendNote = event.backendNote;
        next.data = event.data;
        next.options = event.options;
        next.totalBatches = event.totalBatches;
        if (event.options.epochs > 0)
          next.batchesPerEpoch = Math.ceil(event.totalBatches / event.options.epochs);
        break;
      case 'batch': {
        next.status = 'running';
        next.batchesPerEpoch = event.batchesPerEpoch;
        next.epoch = event.epoch;
        next.batch = event.batch;
        next.batchesDone = (event.epoch - 1) * event.batchesPerEpoch + event.batch;
        next.imagesPerSecond = event.imagesPerSecond;
        next.etaSeconds = event.etaSeconds;
        next.memoryBytes = event.memoryBytes;
        next.numTensors = event.numTensors;
        const perEpoch = Math.max(1, event.batchesPerEpoch);
        points.push({
          x: next.epoch - 1 + next.batch / perEpoch,
          loss: event.loss,
          accuracy: event.accuracy,
        });
        break;
      }
      case 'epoch': {
        const { event: _e, runId: _r, ...metrics } = event;
        next.epochs.push(metrics);
        next.imagesPerSecond = metrics.imagesPerSecond || next.imagesPerSecond;
        break;
      }
      case 'done':
        next.status = event.stopped ? 'stopped' : 'done';
        next.backend = event.backend;
        next.etaSeconds = 0;
        next.result = {
          testAccuracy: event.testAccuracy,
          valAccuracy: event.valAccuracy,
          trainLoss: event.trainLoss,
          imagesPerSecond: event.imagesPerSecond,
          confusion: event.confusion,
          classes: event.classes,
        };
        break;
      case 'failed':
        next.status = 'failed';
        next.etaSeconds = null;
        next.failure = { message: event.message, hint: event.hint ?? null };
        break;
    }
  }
  if (points.length > 0) next.series = appendPoints(run.series, points);
  return next;
}

/**
 * Fills a run adopted mid-way (after a page reload) with what the run store recorded before this
 * page was listening: its options, finished epochs and earlier batch losses.
 */
export function mergeStoredRun(run: LiveRun, stored: RunDetail): LiveRun {
  if (stored.runId !== run.runId) return run;
  const perEpoch =
    run.batchesPerEpoch ||
    (stored.epochsDone > 0 ? (stored.batchLoss.at(-1)?.step ?? 0) / stored.epochsDone : 0);
  const firstLiveX = run.series.points[0]?.x ?? Number.POSITIVE_INFINITY;
  const earlier: BatchPoint[] =
    perEpoch > 0
      ? stored.batchLoss
          .map((p) => ({ x: p.step / perEpoch, loss: p.loss, accuracy: null }))
          .filter((p) => p.x < firstLiveX)
      : [];
  const epochs =
    stored.epochHistory.length > run.epochs.length ? [...stored.epochHistory] : run.epochs;
  return {
    ...run,
    options: run.options ?? stored.options,
    backend: run.backend ?? stored.backend,
    epochs,
    series: appendPoints(appendPoints(emptySeries(run.series.cap), earlier), run.series.points),
  };
}

/** The x position (in epochs) at which an epoch's metrics are drawn: the end of that epoch. */
export function epochX(index: number): number {
  return index + 1;
}
