/** Reading `metrics.jsonl` back into curves; a torn last line (crash mid-write) is ignored. */
import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { EpochMetrics } from '../types.ts';
import { METRICS_FILE } from './record.ts';

/** Upper bound on batch-loss points returned to a chart. */
export const MAX_BATCH_POINTS = 2000;

export interface Metrics {
  epochs: EpochMetrics[];
  batchLoss: { step: number; loss: number }[];
}

/** Keeps every k-th point (and the last) so a long run stays drawable. */
export function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const k = Math.ceil(points.length / max);
  const out = points.filter((_, i) => i % k === 0);
  if (out[out.length - 1] !== points[points.length - 1]) out.push(points[points.length - 1]!);
  return out;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown, min: number): v is number =>
  Number.isSafeInteger(v) && (v as number) >= min;
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);

/** One logged epoch, as the dashboard draws it (other keys dropped); null when malformed. */
function epochLine(e: Record<string, unknown>): EpochMetrics | null {
  const { epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, learningRate, seconds } = e;
  const { imagesPerSecond } = e;
  if (!isCount(epoch, 1) || !isNum(trainLoss) || !isNum(trainAccuracy)) return null;
  if (!isNumOrNull(valLoss) || !isNumOrNull(valAccuracy) || !isNum(learningRate)) return null;
  if (!isNum(seconds) || !isNum(imagesPerSecond)) return null;
  return {
    epoch,
    trainLoss,
    trainAccuracy,
    valLoss,
    valAccuracy,
    learningRate,
    seconds,
    imagesPerSecond,
  };
}

/** A batch line's chart point; null when malformed. */
function batchPoint(e: Record<string, unknown>): { step: number; loss: number } | null {
  const { epoch, batch, batchesPerEpoch, loss } = e;
  if (!isCount(epoch, 1) || !isCount(batch, 0) || !isCount(batchesPerEpoch, 1) || !isNum(loss))
    return null;
  return { step: (epoch - 1) * batchesPerEpoch + batch, loss };
}

/** Longest line considered: real lines are a few hundred bytes; a longer one is not ours. */
const MAX_LINE_CHARS = 64 * 1024;
/** Most epochs kept: a file claiming more is not one a run wrote. */
const MAX_EPOCHS = 100_000;

/**
 * Epoch history and (thinned) batch losses of a run folder; empty when nothing was logged yet.
 * The file is streamed line by line (a long run's log can be hundreds of MB) and every line is
 * validated: malformed, oversized or non-finite lines are skipped, never passed to the dashboard.
 */
export async function readMetrics(runDir: string): Promise<Metrics> {
  const epochs: EpochMetrics[] = [];
  // Thinned while reading: when 2·MAX points are held, every other one is dropped and the
  // stride doubles, so memory stays bounded however long the file is.
  let batchLoss: { step: number; loss: number }[] = [];
  let stride = 1;
  let seen = 0;
  let input;
  try {
    const path = join(runDir, METRICS_FILE);
    const info = await fs.stat(path);
    if (!info.isFile()) return { epochs: [], batchLoss: [] };
    input = createReadStream(path, { encoding: 'utf8' });
  } catch {
    return { epochs: [], batchLoss: [] };
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.length > MAX_LINE_CHARS || !line.trim()) continue;
      let e: unknown;
      try {
        e = JSON.parse(line);
      } catch {
        continue; // a torn last line after a crash
      }
      if (typeof e !== 'object' || e === null) continue;
      const entry = e as Record<string, unknown>;
      if (entry['event'] === 'epoch') {
        const m = epochLine(entry);
        if (m && epochs.length < MAX_EPOCHS) epochs.push(m);
        continue;
      }
      if (entry['event'] !== 'batch') continue;
      const point = batchPoint(entry);
      if (!point || seen++ % stride !== 0) continue;
      batchLoss.push(point);
      if (batchLoss.length >= 2 * MAX_BATCH_POINTS) {
        batchLoss = batchLoss.filter((_, i) => i % 2 === 0);
        stride *= 2;
      }
    }
  } catch {
    // An unreadable tail keeps what was read before it.
  } finally {
    lines.close();
    input.destroy();
  }
  return { epochs, batchLoss: thin(batchLoss, MAX_BATCH_POINTS) };
}
