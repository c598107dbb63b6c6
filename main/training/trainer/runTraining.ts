/**
 * One training run from request to result: validate options, check the data fits the design, pick
 * the backend, compile, load and prepare the data, train, evaluate, save the model. Every outcome is
 * an event (`started` … `done` | `failed`); nothing is thrown at the caller.
 */
import type { LayersModel } from '../backend/tfjs.ts';
import type { TrainingEvent, TrainingRequest } from '../types.ts';
import { initBackend } from '../backend/initBackend.ts';
import { compileModel } from '../compile/compileModel.ts';
import { checkDataFits } from '../data/checkDataFits.ts';
import { DataError } from '../data/dataset.ts';
import { describeData, loadDataset } from '../data/loadDataset.ts';
import { prepareData } from '../data/prepare.ts';
import type { RunWriter } from '../runs/runWriter.ts';
import { TrainingFailure } from './failure.ts';
import { trainLoop } from './loop.ts';
import { OptionsError, resolveTrainingOptions } from './options.ts';
import { withSeededMathRandom } from './seededRandom.ts';
import {
  freezeLayers,
  loadStartingWeights,
  loadWeightsIntoModel,
  readWeightsFromModel,
  runWeightsPath,
  writeWeightsFile,
} from '../../weights/index.ts';

/** Errors whose message is written for the user as is (anything else is prefixed as unexpected). */
const USER_FACING = new Set([
  'DataError',
  'OptionsError',
  'CompileError',
  'TrainingFailure',
  'BackendError',
  'WeightsError',
]);

/** The `failed` event for an error, with a hint where there is an obvious next step. */
export function failureEvent(
  runId: string,
  err: unknown,
): Extract<TrainingEvent, { event: 'failed' }> {
  const e = err instanceof Error ? err : new Error(String(err));
  if (e instanceof TrainingFailure)
    return { event: 'failed', runId, message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
  if (USER_FACING.has(e.name)) return { event: 'failed', runId, message: e.message };
  return { event: 'failed', runId, message: `training failed unexpectedly: ${e.message}` };
}

/** How a run ended; for a failure, the name of the error class (e.g. `DataError` for unreadable data). */
export type RunOutcome =
  { ended: 'done' | 'stopped' } | { ended: 'failed'; errorName: string; message: string };

/**
 * Trains `req.doc` on `req.data`, emitting events through `emit` (and recording them in `store`
 * when given). Set `signal.stopped` to stop before the next batch; the run then ends with a `done`
 * event whose `stopped` is true.
 *
 * @returns how the run ended (never throws: a failure is a `failed` event and a failed outcome).
 */
export async function runTraining(
  req: TrainingRequest & { runId: string },
  emit: (e: TrainingEvent) => void,
  signal: { stopped: boolean },
  store?: RunWriter,
): Promise<RunOutcome> {
  const { runId } = req;
  const send = (e: TrainingEvent): void => {
    store?.record(e);
    emit(e);
  };
  let model: LayersModel | null = null;
  try {
    const options = resolveTrainingOptions(req.options);
    const description = await describeData(req.data);
    const misfits = checkDataFits(description, req.doc);
    if (misfits.length > 0)
      throw new TrainingFailure(
        `the data does not fit the network: ${misfits.join('; ')}`,
        misfits[0],
      );

    const { tf, backend, note } = await initBackend(options.backend);
    const compiled = withSeededMathRandom(options.seed, () => compileModel(tf, req.doc));
    model = compiled.model;
    // Fine-tuning: start from the given weights, and keep frozen layers out of training.
    if (req.weights)
      loadWeightsIntoModel(tf, compiled, req.doc, await loadStartingWeights(req.weights, req.doc));
    freezeLayers(compiled, req.doc);
    if (compiled.classes !== description.classes.length) {
      throw new TrainingFailure(
        `the network outputs ${compiled.classes} classes but the data has ${description.classes.length} — set the last Dense layer's units to ${description.classes.length}`,
      );
    }
    const dataset = await loadDataset(req.data, {
      limit: options.limit,
      testLimit: options.testLimit,
      inputShape: compiled.inputShape,
      seed: options.seed,
    });
    const data = prepareData(dataset, {
      validationSplit: options.validationSplit,
      seed: options.seed,
    });
    const batchesPerEpoch = Math.ceil(
      data.train.count / Math.min(options.batchSize, data.train.count),
    );
    send({
      event: 'started',
      runId,
      backend,
      backendNote: note,
      data: { ...dataset.description, trainCount: data.train.count, testCount: data.test.count },
      options,
      totalBatches: batchesPerEpoch * options.epochs,
    });

    const result = await trainLoop({
      tf,
      model,
      outputsLogits: compiled.outputsLogits,
      data,
      options,
      runId,
      backend,
      emit: send,
      signal,
    });
    // Also a run stopped inside its first epoch: its model is what the test accuracy measured.
    if (store && result.trainedBatches > 0) {
      try {
        await store.saveModel(tf, model, {
          inputShape: data.inputShape,
          classes: data.classes,
          normalization: data.normalization,
          outputsLogits: compiled.outputsLogits,
        });
        // By node id, for *Continue from this run*, exports and the other engine.
        await writeWeightsFile(runWeightsPath(store.dir), readWeightsFromModel(compiled, req.doc));
      } catch (err) {
        // The metrics are the run's main record; a model that cannot be serialised must not fail it.
        console.error(`[netd] could not save the model of run ${runId}: ${(err as Error).message}`);
      }
    }
    send({
      event: 'done',
      runId,
      stopped: result.stopped,
      testAccuracy: result.finalOn === 'test' ? (result.final?.accuracy ?? null) : null,
      valAccuracy: result.valAccuracy,
      trainLoss: result.trainLoss ?? 0,
      imagesPerSecond: result.imagesPerSecond,
      backend,
      confusion: result.final?.confusion ?? [],
      classes: data.classes,
    });
    return { ended: result.stopped ? 'stopped' : 'done' };
  } catch (err) {
    const failed = failureEvent(runId, err);
    send(failed);
    return {
      ended: 'failed',
      errorName: err instanceof Error ? err.name : 'Error',
      message: failed.message,
    };
  } finally {
    model?.dispose();
  }
}

export { DataError, OptionsError };
