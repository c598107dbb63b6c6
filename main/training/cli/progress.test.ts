import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../types.ts';
import { resolveTrainingOptions } from '../trainer/options.ts';
import { createProgressPrinter, fitLine, formatDuration } from './progress.ts';

const batch: TrainingEvent = {
  event: 'batch',
  runId: 'r',
  epoch: 2,
  batch: 150,
  batchesPerEpoch: 300,
  loss: 0.41234,
  accuracy: 0.875,
  imagesPerSecond: 1234.5,
  etaSeconds: 3725,
  memoryBytes: 0,
  numTensors: 0,
};

describe('terminal progress', () => {
  it('redraws one line with the bar, loss, accuracy, speed and ETA', () => {
    let text = '';
    const print = createProgressPrinter('tty', (t) => (text += t), '/runs/r');
    print({
      event: 'started',
      runId: 'r',
      backend: 'wasm',
      backendNote: 'Training on wasm.',
      data: {
        spec: 'synthetic',
        format: 'synthetic',
        path: null,
        inputShape: [32, 32, 3],
        classes: ['a', 'b'],
        trainCount: 9600,
        testCount: 400,
      },
      options: resolveTrainingOptions({ epochs: 5 }),
      totalBatches: 1500,
    });
    text = '';
    print(batch);
    expect(text).toBe(
      '\r\x1b[2Kepoch 2/5 [############............] 50%  loss 0.4123  acc 87.5%  1,235 img/s  ETA 1:02:05',
    );
  });

  it('fits an 80-column terminal by narrowing the bar, so the line never wraps', () => {
    const tail = ' 50%  loss 0.4123  acc 87.5%  12,345 img/s  ETA 1:02:05';
    const line = fitLine('epoch 12/100 ', 0.5, tail, 80);
    expect(line.length).toBeLessThanOrEqual(79);
    expect(line).toMatch(/^epoch 12\/100 \[#+\.+\] 50% .* ETA 1:02:05$/);
    expect(fitLine('epoch 1/1 ', 1, tail, 30)).toHaveLength(29);
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    expect([5, 65, 3725, Infinity].map(formatDuration)).toEqual(['0:05', '1:05', '1:02:05', '–']);
  });
});
