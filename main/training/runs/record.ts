/** `run.json`: the record of one run, written atomically so a crash never leaves half a file. */
import { promises as fs, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RunBackend, DataDescription, RunStatus, TrainingOptions } from '../types.ts';
import type { NetworkDoc } from '../../network/types.ts';
import type { Normalization } from '../data/dataset.ts';
import { RUN_BACKEND_NAMES } from '../vocabulary.ts';

export const RUN_FILE = 'run.json';
/** The run record format this version writes and reads. */
export const RUN_FORMAT_VERSION = 1;

/** A record written by a newer NetDesigner: listed as such, never silently dropped. */
export class NewerRunFormatError extends Error {
  override name = 'NewerRunFormatError';
  constructor(
    message: string,
    /** The parsed JSON, so a list can still show the run's name and date. */
    readonly raw: unknown,
  ) {
    super(message);
  }
}
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
  /** That process's start time ({@link processStartTime}); absent in older records. */
  pidStart?: string | null;
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
  pidStart: z.string().max(40).nullable().optional(),
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
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > RUN_FORMAT_VERSION)
    throw new NewerRunFormatError(
      `run record ${path} was written by a newer NetDesigner (run format version ${version}); this one reads version ${RUN_FORMAT_VERSION} — update NetDesigner to open it`,
      json,
    );
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

/** `run.json.<pid>.tmp`: the temp file of {@link writeRecord} in process `<pid>`. */
const RECORD_TEMP = /^run\.json\.(\d{1,10})\.tmp$/;
/** A live writer renames its temp within milliseconds; one this much older than the record is stale. */
const STALE_RECORD_TEMP_MS = 60_000;

/**
 * Removes `run.json.<pid>.tmp` files that a killed writer left in `runDir`: those whose process is
 * gone, and those older than the record itself by a minute (their pid was reused). A temp of a live
 * writer that is not older than the record is kept: it is being renamed right now. Best effort,
 * never throws.
 */
export async function removeStaleRecordTemps(runDir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(runDir);
  } catch {
    return;
  }
  const temps = names.filter((name) => RECORD_TEMP.test(name));
  if (temps.length === 0) return;
  const record = await fs.stat(join(runDir, RUN_FILE)).catch(() => null);
  for (const name of temps) {
    const path = join(runDir, name);
    const info = await fs.lstat(path).catch(() => null);
    if (!info?.isFile()) continue;
    const pid = Number(RECORD_TEMP.exec(name)![1]);
    const olderThanRecord = record !== null && record.mtimeMs - info.mtimeMs > STALE_RECORD_TEMP_MS;
    if (!isProcessAlive(pid) || olderThanRecord) await fs.unlink(path).catch(() => undefined);
  }
}

/** Writes the design snapshot next to the record. */
export function writeNetwork(runDir: string, doc: NetworkDoc): void {
  writeFileSync(join(runDir, NETWORK_FILE), JSON.stringify(doc, null, 2) + '\n');
}

/** Largest process id Linux hands out (pid_max ≤ 2^22); macOS and Windows stay far below. */
const MAX_PID = 4_194_304;

/**
 * When process `pid` started, as the kernel counts it (Linux: clock ticks since boot, field 22 of
 * `/proc/<pid>/stat`); null where that cannot be read. Stored beside the pid so a pid reused by
 * an unrelated process after a reboot or crash does not keep a run "running" forever.
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * True when the process that wrote a run still runs: a plausible pid (0 and negative pids would
 * signal process groups), alive (signal 0 only checks), and — where recorded and readable — the
 * same start time, so a reused pid does not count.
 */
export function isProcessAlive(pid: number, startedAt?: string | null): boolean {
  if (!Number.isInteger(pid) || pid < 1 || pid > MAX_PID) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie (ended, not yet reaped — e.g. a trainer whose host was killed, under an init that
  // does not reap) trains no more.
  if (isZombie(pid)) return false;
  if (!startedAt) return true;
  const now = processStartTime(pid);
  return now === null || now === startedAt;
}

/** True when `/proc/<pid>/stat` shows the process ended but not reaped (state Z); Linux only. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
