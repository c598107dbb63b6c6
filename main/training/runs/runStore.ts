/**
 * The run store: one folder per run under `runsDir` holding `run.json`, `network.netd.json`,
 * `metrics.jsonl` and `model/`. Listing notices runs whose process died (→ 'interrupted').
 */
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { RunDetail, RunSummary, TrainingRequest } from '../types.ts';
import { readNetworkFile } from '../../files/io.ts';
import { ensureDir, ensureDirSync } from '../../files/safeFs.ts';
import { MAX_NAME_LENGTH } from '../../network/limits.ts';
import { resolveTrainingOptions } from '../trainer/options.ts';
import { isValidRunId } from './paths.ts';
import { readMetrics } from './readMetrics.ts';
import {
  isProcessAlive,
  MODEL_DIR,
  NewerRunFormatError,
  processStartTime,
  NETWORK_FILE,
  readRecord,
  removeStaleRecordTemps,
  writeNetwork,
  writeRecord,
  type RunRecord,
} from './record.ts';
import { createRunWriter, type RunWriter } from './runWriter.ts';
import { MODEL_JSON, PREPROCESSING_JSON, WEIGHTS_BIN } from './saveModel.ts';

export interface RunStore {
  readonly dir: string;
  /** Every run, newest first. Unreadable folders are skipped. */
  list(): Promise<RunSummary[]>;
  /** @throws Error when the run does not exist. */
  get(runId: string): Promise<RunDetail>;
  delete(runId: string): Promise<void>;
  /** Copies the trained model to `<dir>/<name>-<runId>/`. @throws Error when the run has no model. */
  exportModel(runId: string, dir: string): Promise<{ path: string }>;
  /** Creates the run folder with its record (status 'running') and design snapshot. */
  create(runId: string, req: TrainingRequest): RunWriter;
  /** A writer for a run created earlier (by another process). */
  open(runId: string): Promise<RunWriter>;
  /** Marks a run that is still 'running' as failed (its process crashed), keeping what it logged. */
  markFailed(runId: string, message: string, hint?: string): Promise<void>;
  /** Ends a run that is still 'running' with a status its process could not write (killed after Stop, app closed). */
  markEnded(runId: string, status: 'stopped' | 'interrupted', message: string): Promise<void>;
}

/** Thrown for a run id that is malformed or not in the store. */
export class RunNotFoundError extends Error {
  override name = 'RunNotFoundError';
}

/** What a list shows for a run whose record only a newer NetDesigner reads. */
function newerRunSummary(runId: string, raw: unknown): RunSummary {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown, fallback: string) =>
    typeof v === 'string' ? v.slice(0, MAX_NAME_LENGTH) : fallback;
  return {
    runId,
    name: `${text(r['name'], 'Untitled network')} (newer run format — update NetDesigner to open it)`,
    createdAt: text(r['createdAt'], ''),
    status: 'failed',
    data: text(r['data'], ''),
    backend: null,
    epochsDone: 0,
    bestValAccuracy: null,
    testAccuracy: null,
  };
}

/** Opens (creating lazily) the run store in `runsDir`. */
export function createRunStore(runsDir: string): RunStore {
  const runDir = (runId: string): string => {
    if (!isValidRunId(runId)) throw new RunNotFoundError(`'${runId}' is not a run id`);
    return join(runsDir, runId);
  };

  const load = async (runId: string): Promise<RunRecord> => {
    const dir = runDir(runId);
    if (!existsSync(dir)) throw new RunNotFoundError(`run ${runId} does not exist in ${runsDir}`);
    await removeStaleRecordTemps(dir);
    const record = await readRecord(dir);
    // The folder name is the run's identity: a record naming another run (copied or forged) is
    // not trusted, or Delete of one run could act on another.
    if (record.runId !== runId)
      throw new RunNotFoundError(
        `run ${runId} has a record for run ${record.runId} — the folder was copied or renamed`,
      );
    if (record.status === 'running' && !isProcessAlive(record.pid, record.pidStart)) {
      // The process that was training is gone without saying done/failed: it crashed or was killed.
      record.status = 'interrupted';
      record.message ??=
        'the training process ended unexpectedly; the metrics logged until then are kept';
      writeRecord(dir, record);
    }
    return record;
  };

  const summary = (r: RunRecord): RunSummary => ({
    runId: r.runId,
    name: r.name,
    createdAt: r.createdAt,
    status: r.status,
    data: r.data,
    backend: r.backend,
    epochsDone: r.epochsDone,
    bestValAccuracy: r.bestValAccuracy,
    testAccuracy: r.testAccuracy,
  });

  return {
    dir: runsDir,
    async list() {
      let names: string[];
      try {
        names = await fs.readdir(runsDir);
      } catch {
        return [];
      }
      const out: RunSummary[] = [];
      for (const name of names) {
        if (!isValidRunId(name)) continue;
        try {
          out.push(summary(await load(name)));
        } catch (err) {
          // A newer NetDesigner's run is listed as such (opening it says why it cannot be);
          // a folder without a readable record is not a run (or was half-deleted): skipped.
          if (err instanceof NewerRunFormatError) out.push(newerRunSummary(name, err.raw));
        }
      }
      return out.sort(
        (a, b) => b.createdAt.localeCompare(a.createdAt) || b.runId.localeCompare(a.runId),
      );
    },
    async get(runId) {
      const r = await load(runId);
      const dir = runDir(runId);
      // Validated like any network file (caps included): the snapshot goes to the dashboard.
      const doc = await readNetworkFile(join(dir, NETWORK_FILE));
      const metrics = await readMetrics(dir);
      return {
        ...summary(r),
        doc,
        options: r.options,
        epochHistory: metrics.epochs,
        batchLoss: metrics.batchLoss,
        confusion: r.confusion,
        classes: r.classes,
        message: r.message,
        hasModel: r.hasModel,
      };
    },
    async delete(runId) {
      const dir = runDir(runId);
      if (!existsSync(dir)) throw new RunNotFoundError(`run ${runId} does not exist in ${runsDir}`);
      await fs.rm(dir, { recursive: true, force: true });
    },
    async exportModel(runId, target) {
      const r = await load(runId);
      const src = join(runDir(runId), MODEL_DIR);
      if (!r.hasModel || !existsSync(join(src, MODEL_JSON))) {
        throw new Error(
          `run ${runId} has no saved model (it ${r.status === 'running' ? 'is still training' : 'ended before a model was saved'})`,
        );
      }
      const safeName = r.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
      const out = join(target, `${safeName}-${runId}`);
      // Checked up the chain, never `mkdir -p` (which spins forever under /proc).
      await ensureDir(out);
      for (const f of [MODEL_JSON, WEIGHTS_BIN, PREPROCESSING_JSON]) {
        if (existsSync(join(src, f))) await fs.copyFile(join(src, f), join(out, f));
      }
      return { path: out };
    },
    create(runId, req) {
      const dir = runDir(runId);
      ensureDirSync(runsDir, 0o700);
      mkdirSync(dir, { mode: 0o700 });
      const now = new Date().toISOString();
      let options;
      try {
        options = resolveTrainingOptions(req.options);
      } catch {
        // Invalid options still get a record (the run fails right after with the reason).
        options = resolveTrainingOptions({});
      }
      const record: RunRecord = {
        version: 1,
        runId,
        name: req.doc.name || 'Untitled network',
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
        status: 'running',
        pid: process.pid,
        pidStart: processStartTime(process.pid),
        data: req.data,
        dataDescription: null,
        backend: null,
        backendNote: null,
        options,
        epochsDone: 0,
        bestValAccuracy: null,
        valAccuracy: null,
        testAccuracy: null,
        trainLoss: null,
        imagesPerSecond: null,
        confusion: null,
        classes: [],
        message: null,
        hint: null,
        hasModel: false,
        normalization: null,
      };
      writeNetwork(dir, req.doc);
      writeRecord(dir, record);
      return createRunWriter(dir, record);
    },
    async open(runId) {
      const dir = runDir(runId);
      return createRunWriter(dir, await readRecord(dir));
    },
    async markFailed(runId, message, hint) {
      const dir = runDir(runId);
      const record = await readRecord(dir);
      if (record.status !== 'running') return;
      createRunWriter(dir, record).record({
        event: 'failed',
        runId,
        message,
        ...(hint ? { hint } : {}),
      });
    },
    async markEnded(runId, status, message) {
      const dir = runDir(runId);
      const record = await readRecord(dir);
      if (record.status !== 'running') return;
      const now = new Date().toISOString();
      writeRecord(dir, { ...record, status, message, finishedAt: now, updatedAt: now });
    },
  };
}
