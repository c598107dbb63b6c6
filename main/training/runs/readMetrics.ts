/** Reading `metrics.jsonl` back into curves; a torn last line (crash mid-write) is ignored. */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { EpochMetrics } from '../types.ts';
import { METRICS_FILE } from './record.ts';

/** Upper bound on batch-loss points returned to a chart. */
export const MAX_BATCH_POINTS = 2000;

export interface Metrics {
  epochs: EpochMetrics[];
  batchLoss: { step: number; loss: number }[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Keeps every k-th point (and the last) so a long run stays drawable. */
export function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const k = Math.ceil(points.length / max);
  const out = points.filter((_, i) => i % k === 0);
  if (out[out.length - 1] !== points[points.length - 1]) out.push(points[points.length - 1]!);
  return out;
}

/** Epoch history and (thinned) batch losses of a run folder; empty when nothing was logged yet. */
export async function readMetrics(runDir: string): Promise<Metrics> {
  let text = '';
  try {
    text = await fs.readFile(join(runDir, METRICS_FILE), 'utf8');
  } catch {
    return { epochs: [], batchLoss: [] };
  }
  const epochs: EpochMetrics[] = [];
  const batchLoss: { step: number; loss: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let e: unknown;
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isObject(e)) continue;
    if (e['event'] === 'epoch') {
      const { event: _event, runId: _runId, at: _at, ...m } = e;
      epochs.push(m as unknown as EpochMetrics);
    } else if (e['event'] === 'batch' && typeof e['loss'] === 'number') {
      const step =
        ((e['epoch'] as number) - 1) * (e['batchesPerEpoch'] as number) + (e['batch'] as number);
      batchLoss.push({ step, loss: e['loss'] });
    }
  }
  return { epochs, batchLoss: thin(batchLoss, MAX_BATCH_POINTS) };
}
