import { describe, expect, it } from 'vitest';
import { applyEvents, isActive, newLiveRun, progressOf } from './liveRun.ts';
import { runEvents } from './testEvents.ts';

describe('live run', () => {
  it('follows a whole run to its result', () => {
    const run = applyEvents(newLiveRun('r1'), runEvents('r1', 2, 5));
    expect(run.status).toBe('done');
    expect(run.backend).toBe('wasm');
    expect(run.batchesDone).toBe(10);
    expect(run.epochs).toHaveLength(2);
    expect(run.series.points).toHaveLength(10);
    expect(run.result?.testAccuracy).toBe(0.7);
    expect(progressOf(run)).toBe(1);
    expect(isActive(run)).toBe(false);
  });

  it('places batches on the epoch axis', () => {
    const events = runEvents('r', 2, 4).filter((e) => e.event !== 'done');
    const run = applyEvents(newLiveRun('r'), events);
    expect(run.series.points.map((p) => p.x)).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    expect(run.epoch).toBe(2);
    expect(run.batch).toBe(4);
  });

  it('measures progress by batch position, since the trainer reports only some batches', () => {
    const events = runEvents('r', 2, 10);
    // Of all batch events, only batch 2 of epoch 1 and batch 5 of epoch 2 arrive.
    const run = applyEvents(newLiveRun('r'), [events[0]!, events[2]!, events[16]!]);
    expect(run.batchesDone).toBe(15);
    expect(progressOf(run)).toBeCloseTo(0.75);
    expect(run.series.points.map((p) => p.x)).toEqual([0.2, 1.5]);
  });

  it('reports progress and stays active mid-run', () => {
    const events = runEvents('r', 2, 5).slice(0, 6); // started + 5 batches
    const run = applyEvents(newLiveRun('r'), events);
    expect(run.status).toBe('running');
    expect(progressOf(run)).toBeCloseTo(0.5);
    expect(isActive(run)).toBe(true);
    expect(run.memoryBytes).toBe(12_000_000);
  });

  it('ignores other runs and returns the same object when nothing applies', () => {
    const run = newLiveRun('mine');
    expect(applyEvents(run, runEvents('other', 1, 3))).toBe(run);
  });

  it('shows a failure with its hint and ignores late batches', () => {
    const [started, batch] = runEvents('r', 1, 2);
    const run = applyEvents(newLiveRun('r'), [
      started!,
      {
        event: 'failed',
        runId: 'r',
        message: 'The loss became NaN at epoch 1.',
        hint: 'Lower the learning rate.',
      },
      batch!,
    ]);
    expect(run.status).toBe('failed');
    expect(run.failure).toEqual({
      message: 'The loss became NaN at epoch 1.',
      hint: 'Lower the learning rate.',
    });
    expect(run.batchesDone).toBe(0);
  });

  it('marks a stopped run as stopped, not done', () => {
    const events = runEvents('r', 1, 2);
    const done = events[events.length - 1]!;
    if (done.event !== 'done') throw new Error('fixture');
    const run = applyEvents(newLiveRun('r'), [...events.slice(0, -1), { ...done, stopped: true }]);
    expect(run.status).toBe('stopped');
  });
});
