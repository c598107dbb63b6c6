/**
 * The training loop proper: epochs of shuffled batches through `optimizer.minimize` (a custom loop,
 * not `model.fit`, so Stop takes effect before the next batch), validation, early stopping and
 * keep-best, then a final evaluation. All tensors are disposed; `numTensors` stays flat across epochs.
 */
import type { LayersModel, Scalar, Tensor, Variable } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import type { BackendName, TrainingEvent, TrainingOptions } from '../types.ts';
import type { PreparedData } from '../data/prepare.ts';
import { augmentBatch } from '../data/augment.ts';
import { createRng, shuffledIndices } from '../data/rng.ts';
import { gatherBatch, toTensors } from './batches.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import { createDivergenceWatch } from './divergence.ts';
import { nonFiniteLoss } from './failure.ts';
import { trackBestEpoch } from './keepBest.ts';
import { correctCount, crossEntropy } from './loss.ts';
import { learningRateAt } from './options.ts';
import { createOptimizer, setLearningRate } from './optimizer.ts';

/** Batch events are throttled to about this interval (≤ 10 per second). */
export const BATCH_EVENT_INTERVAL_MS = 100;

export interface LoopInput {
  tf: Tf;
  model: LayersModel;
  outputsLogits: boolean;
  data: PreparedData;
  options: TrainingOptions;
  runId: string;
  backend: BackendName;
  emit: (e: TrainingEvent) => void;
  signal: { stopped: boolean };
}

export interface LoopResult {
  stopped: boolean;
  /** Mean train loss of the last completed epoch (of the batches run, when stopped in the first; null if none ran). */
  trainLoss: number | null;
  valAccuracy: number | null;
  imagesPerSecond: number;
  /** Evaluation on the test split (or validation when there is no test split). */
  final: Evaluation | null;
  finalOn: 'test' | 'val' | null;
  epochsDone: number;
  /** Batches trained over the whole run (stopped mid-epoch: including the partial epoch's). */
  trainedBatches: number;
}

/** Lets queued messages (e.g. Stop from the parent process) run between synchronous tfjs batches. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the loop.
 * @throws TrainingFailure when the loss becomes NaN/Infinity or the run diverges.
 */
export async function trainLoop(input: LoopInput): Promise<LoopResult> {
  const { tf, model, data, options: opts, runId, emit, signal } = input;
  const shape = data.inputShape;
  const classes = data.classes.length;
  const size = shape[0] * shape[1] * shape[2];
  const bs = Math.min(opts.batchSize, data.train.count);
  const batchesPerEpoch = Math.ceil(data.train.count / bs);
  const totalBatches = batchesPerEpoch * opts.epochs;
  const buf = new Float32Array(bs * size);
  const labels = new Int32Array(bs);
  const rng = createRng(opts.seed + 1);
  const optimizer = createOptimizer(tf, opts);
  const vars = model.trainableWeights.map((w) => w.read() as Variable);
  const best = trackBestEpoch(tf, model, opts.keepBest);
  const divergence = createDivergenceWatch(classes);

  let lastTrainLoss: number | null = null;
  let lastValAcc: number | null = null;
  let epochsDone = 0;
  let totalImages = 0;
  let totalSeconds = 0;
  let stopped = false;
  let lastEmit = 0;
  let trainedBatches = 0;
  // The latest batch event held back by the throttle: sent when the run stops right after it, so
  // the last position the user sees is the batch training really stopped at.
  let unsent: TrainingEvent | null = null;

  try {
    for (let epoch = 1; epoch <= opts.epochs && !stopped; epoch++) {
      const lr = learningRateAt(opts, epoch);
      setLearningRate(optimizer, lr);
      const order = shuffledIndices(data.train.count, rng);
      const started = performance.now();
      let lossSum = 0;
      let correctSum = 0;
      let seen = 0;
      for (let b = 0; b < batchesPerEpoch; b++) {
        await yieldToEventLoop();
        if (signal.stopped) {
          stopped = true;
          if (unsent) emit(unsent);
          break;
        }
        const n = Math.min(bs, data.train.count - b * bs);
        gatherBatch(data.train, order, b * bs, n, shape, buf, labels);
        augmentBatch(buf, n, shape, opts.augment, rng);
        const { xs, ys } = toTensors(tf, buf, labels, n, shape);
        let correctT: Scalar | null = null;
        const lossT = optimizer.minimize(
          () => {
            const out = model.apply(xs, { training: true }) as Tensor;
            // Kept out of minimize's tidy so accuracy needs no second forward pass.
            correctT = tf.keep(correctCount(tf, out, ys));
            return crossEntropy(tf, out, ys, classes, input.outputsLogits);
          },
          true,
          vars,
        );
        best.markTrained();
        const [lossArr, correctArr] = await Promise.all([
          lossT!.data(),
          (correctT as Scalar | null)!.data(),
        ]);
        tf.dispose([xs, ys, lossT!, correctT!]);
        const loss = lossArr[0]!;
        if (!Number.isFinite(loss)) throw nonFiniteLoss(loss, epoch, b + 1, lr, opts.optimizer);
        divergence.batch(loss, { epoch, batch: b + 1, lr, optimizer: opts.optimizer });
        lossSum += loss * n;
        correctSum += correctArr[0]!;
        seen += n;
        trainedBatches += 1;

        const now = performance.now();
        const elapsed = (now - started) / 1000;
        const done = (epoch - 1) * batchesPerEpoch + b + 1;
        const mem = tf.memory();
        const event: TrainingEvent = {
          event: 'batch',
          runId,
          epoch,
          batch: b + 1,
          batchesPerEpoch,
          loss,
          accuracy: correctArr[0]! / n,
          imagesPerSecond: seen / Math.max(elapsed, 1e-6),
          etaSeconds: (elapsed / (b + 1)) * (totalBatches - done),
          memoryBytes: mem.numBytes,
          numTensors: mem.numTensors,
        };
        if (b === 0 || now - lastEmit >= BATCH_EVENT_INTERVAL_MS || b === batchesPerEpoch - 1) {
          lastEmit = now;
          unsent = null;
          emit(event);
        } else {
          unsent = event;
        }
      }
      const seconds = (performance.now() - started) / 1000;
      // A stopped epoch's batches count for the speed, not for the epoch history.
      totalImages += seen;
      totalSeconds += seconds;
      if (stopped || seen === 0) {
        // Stopped inside the first epoch: the partial mean is the best train loss there is.
        if (lastTrainLoss === null && seen > 0) lastTrainLoss = lossSum / seen;
        break;
      }

      divergence.epoch(lossSum / seen, { epoch, batch: null, lr, optimizer: opts.optimizer });
      const val = await evaluate(tf, model, data.val, shape, classes, input.outputsLogits, bs);
      lastTrainLoss = lossSum / seen;
      lastValAcc = val?.accuracy ?? null;
      epochsDone = epoch;
      emit({
        event: 'epoch',
        runId,
        epoch,
        trainLoss: lastTrainLoss,
        trainAccuracy: correctSum / seen,
        valLoss: val?.loss ?? null,
        valAccuracy: lastValAcc,
        learningRate: lr,
        seconds,
        imagesPerSecond: seen / Math.max(seconds, 1e-6),
      });

      if (
        val &&
        !best.consider(epoch, val.accuracy) &&
        opts.earlyStoppingPatience > 0 &&
        best.sinceBest >= opts.earlyStoppingPatience
      )
        break;
    }

    best.restore();
    const valAccuracy = opts.keepBest && best.best ? best.best.accuracy : lastValAcc;
    // Whatever was trained is evaluated, also a run stopped inside its first epoch: the user asked
    // to stop, not to throw the batches away.
    const finalOn =
      trainedBatches === 0
        ? null
        : data.test.count > 0
          ? 'test'
          : data.val.count > 0
            ? 'val'
            : null;
    const final = finalOn
      ? await evaluate(
          tf,
          model,
          finalOn === 'test' ? data.test : data.val,
          shape,
          classes,
          input.outputsLogits,
          bs,
        )
      : null;
    return {
      stopped,
      trainLoss: lastTrainLoss,
      valAccuracy,
      imagesPerSecond: totalSeconds > 0 ? totalImages / totalSeconds : 0,
      final,
      finalOn,
      epochsDone,
      trainedBatches,
    };
  } finally {
    best.dispose();
    optimizer.dispose();
  }
}
