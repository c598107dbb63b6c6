import { describe, expect, it } from 'vitest';
import { appendPoints, batchRows, downsample, emptySeries, smooth } from './series.ts';

const pts = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ x: from + i, loss: from + i, accuracy: 0.5 }));

describe('bounded batch series', () => {
  it('keeps every point while under the cap', () => {
    const s = appendPoints(emptySeries(100), pts(50));
    expect(s.points).toHaveLength(50);
    expect(s.stride).toBe(1);
  });

  it('never holds more than the cap however long the run, and still spans the whole run', () => {
    let s = emptySeries(100);
    for (let i = 0; i < 100; i += 1) s = appendPoints(s, pts(100, i * 100));
    expect(s.points.length).toBeLessThanOrEqual(100);
    expect(s.points.length).toBeGreaterThan(25);
    expect(s.points[0]!.x).toBeLessThan(200);
    expect(s.points[s.points.length - 1]!.x).toBeGreaterThan(9_500);
  });

  it('averages merged points instead of dropping them', () => {
    const s = appendPoints(emptySeries(4), [
      { x: 0, loss: 1, accuracy: 0 },
      { x: 1, loss: 3, accuracy: 1 },
      { x: 2, loss: 5, accuracy: 0 },
      { x: 3, loss: 7, accuracy: 1 },
    ]);
    expect(s.points).toEqual([
      { x: 0.5, loss: 2, accuracy: 0.5 },
      { x: 2.5, loss: 6, accuracy: 0.5 },
    ]);
    expect(s.stride).toBe(2);
  });

  it('skips NaN and infinite losses so the chart scale survives a diverging run', () => {
    const s = appendPoints(emptySeries(), [
      { x: 0, loss: 1, accuracy: null },
      { x: 1, loss: Number.NaN, accuracy: null },
      { x: 2, loss: Number.POSITIVE_INFINITY, accuracy: null },
    ]);
    expect(s.points.map((p) => p.loss)).toEqual([1]);
  });

  it('does not modify the series it was given', () => {
    const s = emptySeries();
    appendPoints(s, pts(3));
    expect(s.points).toHaveLength(0);
  });
});

describe('smoothing', () => {
  it('is debiased: a constant series stays constant from the first point', () => {
    expect(smooth([2, 2, 2], 0.9).map((v) => Number(v.toFixed(6)))).toEqual([2, 2, 2]);
  });
  it('with weight 0 returns the values unchanged', () => {
    expect(smooth([1, 5, 3], 0)).toEqual([1, 5, 3]);
  });
  it('damps a spike', () => {
    const out = smooth([1, 1, 1, 10, 1], 0.8);
    expect(out[3]!).toBeLessThan(5);
  });
});

describe('downsample and chart rows', () => {
  it('caps rows for display and averages buckets', () => {
    const rows = downsample(
      Array.from({ length: 1000 }, (_, i) => ({ x: i, v: 1 })),
      100,
    );
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.v === 1)).toBe(true);
  });
  it('builds rows with smoothed loss next to the raw loss', () => {
    const rows = batchRows(pts(10), 0.5);
    expect(rows).toHaveLength(10);
    expect(rows[0]!.lossSmooth).toBeCloseTo(0);
    expect(rows[9]!.lossSmooth).toBeLessThan(rows[9]!.loss);
    expect(rows[9]!.accuracySmooth).toBeCloseTo(0.5);
  });
});
