import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../main/training/types.ts';
import { applyEvents, newLiveRun } from './liveRun.ts';
import { viewFromDetail, viewFromLive } from './runView.ts';
import { runEvents, TEST_OPTIONS } from './testEvents.ts';

const epoch = (e: number, valAccuracy: number | null) => ({
  epoch: e,
  trainLoss: 1,
  trainAccuracy: 0.5,
  valLoss: 1,
  valAccuracy,
  learningRate: 0.001,
  seconds: 1,
  imagesPerSecond: 100,
});

const detail: RunDetail = {
  runId: 'r',
  name: 'Tiny #1',
  createdAt: '2026-11-28T23:00:00Z',
  status: 'done',
  data: 'synthetic',
  backend: 'wasm',
  epochsDone: 2,
  bestValAccuracy: null,
  testAccuracy: 0.8,
  doc: { format: 'netdesigner.network', version: 1, name: 'Tiny', nodes: [], edges: [] },
  options: TEST_OPTIONS,
  epochHistory: [epoch(0, 0.4), epoch(1, 0.6)],
  batchLoss: [0, 1, 2, 3, 4, 5, 6, 7].map((step) => ({ step, loss: 1 / (step + 1) })),
  confusion: [[1]],
  classes: ['a'],
  message: null,
  hasModel: true,
};

describe('run views', () => {
  it('places a stored run’s batches on the epoch axis, ending at its last epoch', () => {
    const view = viewFromDetail(detail);
    expect(view.batchPoints.map((p) => p.x)).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    expect(view.valAccuracy).toBe(0.6);
    expect(view.live).toBe(false);
  });

  it('accepts steps numbered from 1 as well', () => {
    const view = viewFromDetail({
      ...detail,
      batchLoss: detail.batchLoss.map((p) => ({ ...p, step: p.step + 1 })),
    });
    expect(view.batchPoints.map((p) => p.x)).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
  });

  it('shows a finished live run with its confusion matrix and a model to export', () => {
    const view = viewFromLive(applyEvents(newLiveRun('r1'), runEvents('r1', 2, 3)));
    expect(view.status).toBe('done');
    expect(view.confusion).toHaveLength(4);
    expect(view.testAccuracy).toBe(0.7);
    expect(view.hasModel).toBe(true);
  });

  it('carries a failure’s message and hint', () => {
    const run = applyEvents(newLiveRun('r1'), [
      { event: 'failed', runId: 'r1', message: 'NaN loss', hint: 'Lower it.' },
    ]);
    expect(viewFromLive(run)).toMatchObject({
      status: 'failed',
      message: 'NaN loss',
      hint: 'Lower it.',
      hasModel: false,
    });
  });
});
