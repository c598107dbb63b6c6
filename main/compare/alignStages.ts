/**
 * Lines up the stages of two networks so a reader sees like against like: stages with the same
 * name are matched in order (longest common subsequence), and the unmatched ones between two
 * matches are paired off by position; what is left over stands alone on its side.
 */
import type { Stage } from '../network/stages.ts';

/** One row of the alignment: a stage of A, of B, or both. */
export interface AlignedStages {
  a: Stage | null;
  b: Stage | null;
}

/** Longest common subsequence of the two name lists, as index pairs in order. */
function matchByName(a: readonly Stage[], b: readonly Stage[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..]; networks have tens of stages, so O(n·m) is fine.
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        a[i]!.name === b[j]!.name
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.name === b[j]!.name) {
      pairs.push([i++, j++]);
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Aligns the stages of A and B into rows, both in their own order. */
export function alignStages(a: readonly Stage[], b: readonly Stage[]): AlignedStages[] {
  const rows: AlignedStages[] = [];
  let i = 0;
  let j = 0;
  const gap = (untilA: number, untilB: number) => {
    // Unmatched stages between two anchors: pair them by position (same place in the network).
    while (i < untilA || j < untilB)
      rows.push({ a: i < untilA ? a[i++]! : null, b: j < untilB ? b[j++]! : null });
  };
  for (const [ia, ib] of matchByName(a, b)) {
    gap(ia, ib);
    rows.push({ a: a[i++]!, b: b[j++]! });
  }
  gap(a.length, b.length);
  return rows;
}
