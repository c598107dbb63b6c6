/** Builders of training events for the dashboard's tests and dev harness (not used by the app). */
import type { DataDescription, TrainingEvent, TrainingOptions } from '../../main/training/types.ts';

export const TEST_OPTIONS: TrainingOptions = {
  epochs: 2,
  batchSize: 32,
  learningRate: 0.001,
  optimizer: 'adam',
  momentum: 0.9,
  schedule: 'constant',
  stepEvery: 5,
  stepGamma: 0.5,
  seed: 1,
  validationSplit: 0.1,
  earlyStoppingPatience: 0,
  keepBest: true,
  augment: { flip: false, shift: 0 },
  limit: 200,
  testLimit: 100,
};

export const TEST_DATA: DataDescription = {
  spec: 'synthetic',
  format: 'synthetic',
  path: null,
  inputShape: [28, 28, 1],
  classes: ['circle', 'square', 'triangle', 'cross'],
  trainCount: 200,
  testCount: 100,
};

/** The events of a whole run: started, `batches` per epoch (numbered from 1), an epoch event each, and done. */
export function runEvents(runId: string, epochs: number, batches: number): TrainingEvent[] {
  const events: TrainingEvent[] = [
    {
      event: 'started',
      runId,
      backend: 'wasm',
      backendNote: 'no native TensorFlow installed',
      data: TEST_DATA,
      options: { ...TEST_OPTIONS, epochs },
      totalBatches: epochs * batches,
    },
  ];
  for (let e = 0; e < epochs; e += 1) {
    for (let b = 0; b < batches; b += 1) {
      const step = e * batches + b;
      events.push({
        event: 'batch',
        runId,
        epoch: e + 1,
        batch: b + 1,
        batchesPerEpoch: batches,
        loss: 1.4 / (1 + step * 0.1),
        accuracy: Math.min(0.95, 0.25 + step * 0.02),
        imagesPerSecond: 900,
        etaSeconds: (epochs * batches - step - 1) * 0.03,
        memoryBytes: 12_000_000,
        numTensors: 40,
      });
    }
    events.push({
      event: 'epoch',
      runId,
      epoch: e + 1,
      trainLoss: 1.2 / (e + 1),
      trainAccuracy: 0.4 + e * 0.2,
      valLoss: 1.3 / (e + 1),
      valAccuracy: 0.35 + e * 0.2,
      learningRate: 0.001,
      seconds: 1,
      imagesPerSecond: 900,
    });
  }
  events.push({
    event: 'done',
    runId,
    stopped: false,
    testAccuracy: 0.7,
    valAccuracy: 0.55,
    trainLoss: 0.6,
    imagesPerSecond: 900,
    backend: 'wasm',
    confusion: [
      [20, 3, 1, 1],
      [2, 18, 4, 1],
      [0, 5, 17, 3],
      [1, 1, 2, 21],
    ],
    classes: TEST_DATA.classes,
  });
  return events;
}
