/**
 * Recording a run as it happens: every event is appended to `metrics.jsonl` (batch losses thinned)
 * and `run.json` is rewritten at the moments that change it, so a crash keeps everything logged.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayersModel } from '../backend/tfjs.ts';
import type { TrainingEvent } from '../types.ts';
import type { Tf } from '../backend/tf.ts';
import {
  METRICS_FILE,
  MODEL_DIR,
  processStartTime,
  writeRecord,
  type RunRecord,
} from './record.ts';
import { saveLayersModel, type ModelMeta } from './saveModel.ts';

/** Batch lines are kept at most this often; epochs, done and failed are always kept. */
const BATCH_LINE_INTERVAL_MS = 250;

export interface RunWriter {
  readonly runId: string;
  readonly dir: string;
  /** Appends the event to the metrics log and updates the run record. Synchronous, so nothing is lost on a crash right after. */
  record(event: TrainingEvent): void;
  /** Saves the trained model (tfjs format) and marks the run as having one. */
  saveModel(tf: Tf, model: LayersModel, meta: ModelMeta): Promise<void>;
}

/** A writer over an existing run folder whose current record is `record`. */
export function createRunWriter(dir: string, initial: RunRecord): RunWriter {
  const record: RunRecord = { ...initial };
  const metricsPath = join(dir, METRICS_FILE);
  let lastBatchLine = 0;
  const append = (obj: object): void =>
    appendFileSync(metricsPath, JSON.stringify({ ...obj, at: new Date().toISOString() }) + '\n');
  const save = (): void => {
    record.updatedAt = new Date().toISOString();
    writeRecord(dir, record);
  };
  return {
    runId: record.runId,
    dir,
    record(e) {
      switch (e.event) {
        case 'started':
          Object.assign(record, {
            status: 'running',
            pid: process.pid,
            pidStart: processStartTime(process.pid),
            backend: e.backend,
            backendNote: e.backendNote,
            dataDescription: e.data,
            options: e.options,
            classes: e.data.classes,
          } satisfies Partial<RunRecord>);
          append(e);
          save();
          return;
        case 'batch': {
          const now = Date.now();
          if (now - lastBatchLine < BATCH_LINE_INTERVAL_MS && e.batch !== e.batchesPerEpoch) return;
          lastBatchLine = now;
          const { event, epoch, batch, batchesPerEpoch, loss, accuracy } = e;
          append({ event, epoch, batch, batchesPerEpoch, loss, accuracy });
          return;
        }
        case 'epoch':
          record.epochsDone = e.epoch;
          record.trainLoss = e.trainLoss;
          record.valAccuracy = e.valAccuracy;
          if (e.valAccuracy !== null)
            record.bestValAccuracy = Math.max(record.bestValAccuracy ?? 0, e.valAccuracy);
          append(e);
          save();
          return;
        case 'done':
          Object.assign(record, {
            status: e.stopped ? 'stopped' : 'done',
            finishedAt: new Date().toISOString(),
            testAccuracy: e.testAccuracy,
            valAccuracy: e.valAccuracy,
            trainLoss: e.trainLoss,
            imagesPerSecond: e.imagesPerSecond,
            confusion: e.confusion,
            classes: e.classes,
            ...(e.note ? { message: e.note } : {}),
          } satisfies Partial<RunRecord>);
          append(e);
          save();
          return;
        case 'failed':
          Object.assign(record, {
            status: 'failed',
            finishedAt: new Date().toISOString(),
            message: e.message,
            hint: e.hint ?? null,
          } satisfies Partial<RunRecord>);
          append(e);
          save();
          return;
      }
    },
    async saveModel(tf, model, meta) {
      await saveLayersModel(tf, model, join(dir, MODEL_DIR), meta);
      record.hasModel = true;
      record.normalization = meta.normalization;
      save();
    },
  };
}
