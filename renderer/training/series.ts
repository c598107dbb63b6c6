/**
 * Curve data for the charts: bounded per-batch series, smoothing and display downsampling. Runs can
 * produce hundreds of thousands of batches; the dashboard keeps a bounded number of points so
 * charts re-render in constant time however long the run.
 */

/** One per-batch point; `x` is in epochs (1.5 = halfway through the second epoch). */
export interface BatchPoint {
  x: number;
  loss: number;
  accuracy: number | null;
}

/**
 * A bounded series: when it reaches `cap` points, neighbouring pairs are merged into their mean and
 * later points are averaged in buckets of twice the size, so the whole run stays represented.
 */
export interface BoundedSeries {
  points: BatchPoint[];
  /** How many raw points each stored point averages. */
  stride: number;
  pending: { x: number; loss: number; accuracy: number; accuracyCount: number; n: number };
  cap: number;
}

/** Upper bound of stored per-batch points per run. */
export const MAX_BATCH_POINTS = 2000;

const NO_PENDING = { x: 0, loss: 0, accuracy: 0, accuracyCount: 0, n: 0 };

export function emptySeries(cap = MAX_BATCH_POINTS): BoundedSeries {
  return { points: [], stride: 1, pending: { ...NO_PENDING }, cap: Math.max(4, cap) };
}

function mergePairs(points: BatchPoint[]): BatchPoint[] {
  const merged: BatchPoint[] = [];
  for (let i = 0; i < points.length; i += 2) {
    const a = points[i]!;
    const b = points[i + 1];
    if (!b) {
      merged.push(a);
      continue;
    }
    const accuracy =
      a.accuracy === null
        ? b.accuracy
        : b.accuracy === null
          ? a.accuracy
          : (a.accuracy + b.accuracy) / 2;
    merged.push({ x: (a.x + b.x) / 2, loss: (a.loss + b.loss) / 2, accuracy });
  }
  return merged;
}

/**
 * Appends raw points to a series, returning a new series (the input is not modified). Non-finite
 * losses are skipped: they end the run with an error box rather than breaking the chart's scale.
 */
export function appendPoints(series: BoundedSeries, raw: readonly BatchPoint[]): BoundedSeries {
  let points = series.points.slice();
  let stride = series.stride;
  const pending = { ...series.pending };
  for (const point of raw) {
    if (!Number.isFinite(point.loss)) continue;
    pending.x += point.x;
    pending.loss += point.loss;
    if (point.accuracy !== null && Number.isFinite(point.accuracy)) {
      pending.accuracy += point.accuracy;
      pending.accuracyCount += 1;
    }
    pending.n += 1;
    if (pending.n < stride) continue;
    points.push({
      x: pending.x / pending.n,
      loss: pending.loss / pending.n,
      accuracy: pending.accuracyCount > 0 ? pending.accuracy / pending.accuracyCount : null,
    });
    Object.assign(pending, NO_PENDING);
    if (points.length >= series.cap) {
      points = mergePairs(points);
      stride *= 2;
    }
  }
  return { points, stride, pending, cap: series.cap };
}

/**
 * Exponential moving average with TensorBoard's debiasing, so the first points are not pulled
 * towards zero. `weight` 0 returns the input unchanged.
 */
export function smooth(values: readonly number[], weight: number): number[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  const out: number[] = [];
  let last = 0;
  let steps = 0;
  for (const value of values) {
    last = last * w + (1 - w) * value;
    steps += 1;
    const debias = 1 - Math.pow(w, steps);
    out.push(debias > 0 ? last / debias : value);
  }
  return out;
}

/** Reduces a list to at most `max` items by averaging consecutive buckets of numeric fields. */
export function downsample<T extends Record<string, number | null>>(
  items: readonly T[],
  max: number,
): T[] {
  if (items.length <= max || max < 1) return items.slice();
  const size = items.length / max;
  const out: T[] = [];
  for (let b = 0; b < max; b += 1) {
    const start = Math.floor(b * size);
    const end = Math.max(start + 1, Math.floor((b + 1) * size));
    const bucket = items.slice(start, end);
    const first = bucket[0]!;
    const merged: Record<string, number | null> = {};
    for (const key of Object.keys(first)) {
      let sum = 0;
      let count = 0;
      for (const item of bucket) {
        const v = item[key];
        if (typeof v === 'number' && Number.isFinite(v)) {
          sum += v;
          count += 1;
        }
      }
      merged[key] = count > 0 ? sum / count : null;
    }
    out.push(merged as T);
  }
  return out;
}

/** Rows for the loss/accuracy batch curves: raw and smoothed, at most `max` of them. */
export interface BatchRow extends Record<string, number | null> {
  x: number;
  loss: number;
  lossSmooth: number;
  accuracy: number | null;
  accuracySmooth: number | null;
}

/** Builds chart rows from stored batch points: smoothing happens before downsampling. */
export function batchRows(points: readonly BatchPoint[], weight: number, max = 600): BatchRow[] {
  const lossSmooth = smooth(
    points.map((p) => p.loss),
    weight,
  );
  const withAcc = points.filter((p) => p.accuracy !== null);
  const accSmoothValues = smooth(
    withAcc.map((p) => p.accuracy as number),
    weight,
  );
  let accIndex = 0;
  const rows = points.map((p, i): BatchRow => {
    const accuracySmooth = p.accuracy !== null ? (accSmoothValues[accIndex++] ?? null) : null;
    return {
      x: p.x,
      loss: p.loss,
      lossSmooth: lossSmooth[i]!,
      accuracy: p.accuracy,
      accuracySmooth,
    };
  });
  return downsample(rows, max);
}
