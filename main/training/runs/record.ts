/** `run.json`: the record of one run, written atomically so a crash never leaves half a file. */
import { promises as fs, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RunBackend, DataDescription, RunStatus, TrainingOptions } from '../types.ts';
import type { NetworkDoc } from '../../network/types.ts';
import type { Normalization } from '../data/dataset.ts';
import { RUN_BACKEND_NAMES } from '../vocabulary.ts';

export const RUN_FILE = 'run.json';
export const NETWORK_FILE = 'network.netd.json';
export const METRICS_FILE = 'metrics.jsonl';
export const MODEL_DIR = 'model';

export interface RunRecord {
  version: 1;
  runId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  /** The process writing this run; a 'running' run whose process is gone was interrupted. */
  pid: number;
  data: string;
  dataDescription: DataDescription | null;
  backend: RunBackend | null;
  backendNote: string | null;
  options: TrainingOptions;
  epochsDone: number;
  bestValAccuracy: number | null;
  valAccuracy: number | null;
  testAccuracy: number | null;
  trainLoss: number | null;
  imagesPerSecond: number | null;
  confusion: number[][] | null;
  classes: string[];
  message: string | null;
  hint: string | null;
  hasModel: boolean;
  normalization: Normalization | null;
}

const num = z.number().nullable();
/** Loose on purpose: a record written by a newer version still lists; only what we read is checked. */
export const runRecordSchema = z.looseObject({
  version: z.literal(1),
  runId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'done', 'stopped', 'failed', 'interrupted']),
  pid: z.number(),
  data: z.string(),
  dataDescription: z.looseObject({}).nullable(),
  backend: z.enum(RUN_BACKEND_NAMES).nullable(),
  backendNote: z.string().nullable(),
  options: z.looseObject({}),
  epochsDone: z.number(),
  bestValAccuracy: num,
  valAccuracy: num,
  testAccuracy: num,
  trainLoss: num,
  imagesPerSecond: num,
  confusion: z.array(z.array(z.number())).nullable(),
  classes: z.array(z.string()),
  message: z.string().nullable(),
  hint: z.string().nullable(),
  hasModel: z.boolean(),
  normalization: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }).nullable(),
});

/**
 * Reads and checks a run's `run.json`.
 * @throws Error naming the file when it is missing or malformed.
 */
export async function readRecord(runDir: string): Promise<RunRecord> {
  const path = join(runDir, RUN_FILE);
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch {
    throw new Error(`run record ${path} is missing`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`run record ${path} is not valid JSON`);
  }
  const parsed = runRecordSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `run record ${path} is malformed: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`,
    );
  return parsed.data as unknown as RunRecord;
}

/** Writes `run.json` via a temp file and rename (synchronous, so it completes even while the process is exiting). */
export function writeRecord(runDir: string, record: RunRecord): void {
  const path = join(runDir, RUN_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(record, null, 2) + '\n');
  renameSync(tmp, path);
}

/** Writes the design snapshot next to the record. */
export function writeNetwork(runDir: string, doc: NetworkDoc): void {
  writeFileSync(join(runDir, NETWORK_FILE), JSON.stringify(doc, null, 2) + '\n');
}

/** True when a process with this id exists (signal 0 only checks). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
