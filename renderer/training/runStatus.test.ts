import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../main/training/types.ts';
import { applyEvents, newLiveRun, progressOf } from './liveRun.ts';
import { runStatusText } from './runStatus.ts';
import { runEvents } from './testEvents.ts';

/** A run of `epochs`×`batches` stopped after `trained` batches, with the trainer's `done` event. */
function stoppedRun(
  epochs: number,
  batches: number,
  trained: number,
  testAccuracy: number | null,
  valAccuracy: number | null = 0.55,
) {
  const all = runEvents('r', epochs, batches);
  const done = all.at(-1) as Extract<TrainingEvent, { event: 'done' }>;
  const kept: TrainingEvent[] = [];
  let batchCount = 0;
  for (const e of all.slice(0, -1)) {
    if (e.event === 'batch') {
      if (batchCount === trained) break;
      batchCount += 1;
    }
    kept.push(e);
  }
  return applyEvents(newLiveRun('r'), [
    ...kept,
    { ...done, stopped: true, testAccuracy, valAccuracy },
  ]);
}

describe('run status line', () => {
  it('says where a run stopped inside an epoch, with what the model scored', () => {
    const run = stoppedRun(3, 10, 14, 0.62);
    expect(runStatusText(run)).toBe(
      'Stopped after 4 of 10 batches of epoch 2 (1 epoch complete) · test accuracy 62.0 %',
    );
    // The bar shows how far it got, not a full bar.
    expect(progressOf(run)).toBeCloseTo(14 / 30);
  });

  it('counts batches of the first epoch when no epoch finished', () => {
    const run = stoppedRun(2, 10, 3, 0.41);
    expect(runStatusText(run)).toBe(
      'Stopped after 3 of 10 batches of epoch 1 · test accuracy 41.0 %',
    );
  });

  it('says epochs when the run stopped between them', () => {
    const run = stoppedRun(3, 4, 8, 0.7);
    expect(runStatusText(run)).toBe('Stopped after 2 epochs · test accuracy 70.0 %');
  });

  it('says so when nothing was trained to evaluate', () => {
    const run = stoppedRun(2, 4, 0, null, null);
    expect(runStatusText(run)).toContain('nothing was trained to evaluate');
  });

  it('reports a finished run with its test accuracy and a full bar', () => {
    const run = applyEvents(newLiveRun('r'), runEvents('r', 2, 5));
    expect(runStatusText(run)).toBe('Finished 2 epochs · test accuracy 70.0 %');
    expect(progressOf(run)).toBe(1);
  });
});
