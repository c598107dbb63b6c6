/** The one-line status of the run being watched, under the progress bar; pure for tests. */
import { formatDuration, formatPercent } from './format.ts';
import type { LiveRun } from './liveRun.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const epochs = (n: number): string => plural(n, 'epoch', 'epochs');

/** What the trained model scored, as measured when the run ended. */
function measured(run: LiveRun): string {
  const test = run.result?.testAccuracy;
  if (test !== null && test !== undefined) return `test accuracy ${formatPercent(test)}`;
  const val = run.result?.valAccuracy;
  if (val !== null && val !== undefined) return `validation accuracy ${formatPercent(val)}`;
  return 'nothing was trained to evaluate';
}

/**
 * Where a stopped run stopped, truthfully: "Stopped after 12 of 50 batches of epoch 3 (2 epochs
 * complete)", or "Stopped after 2 epochs" when it stopped between epochs.
 */
function stoppedAt(run: LiveRun): string {
  const complete = run.epochs.length;
  const inEpoch = run.epoch > complete && run.batch > 0 && run.batch < run.batchesPerEpoch;
  if (!inEpoch) return `Stopped after ${epochs(complete)}`;
  const done = complete > 0 ? ` (${epochs(complete)} complete)` : '';
  return `Stopped after ${run.batch} of ${plural(run.batchesPerEpoch, 'batch', 'batches')} of epoch ${run.epoch}${done}`;
}

/** The status line for `run`. */
export function runStatusText(run: LiveRun): string {
  const planned = run.options?.epochs ?? 0;
  switch (run.status) {
    case 'starting':
      return 'Preparing data and compiling the network…';
    case 'running':
      if (run.batchesDone === 0) return 'Preparing data and compiling the network…';
      return `Epoch ${run.epoch}/${planned || '?'} · batch ${run.batch}/${run.batchesPerEpoch || '?'} · ETA ${formatDuration(run.etaSeconds)}`;
    case 'done':
      return `Finished ${epochs(run.epochs.length)} · ${measured(run)}`;
    case 'stopped':
      return `${stoppedAt(run)} · ${measured(run)}`;
    case 'failed':
      return 'Training failed';
  }
}
