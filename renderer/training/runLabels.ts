/**
 * Legend labels for overlaid runs. Students retrain the same design under the same name, so a bare
 * name would give two identical legend entries; repeated names get the run's start time in front, and
 * runs started in the same minute a running number as well.
 */
import { formatDateTime } from './format.ts';

interface Labelled {
  name: string;
  createdAt: string;
}

/** One distinct label per run, in the order given. */
export function runLabels(runs: readonly Labelled[]): string[] {
  const count = new Map<string, number>();
  for (const r of runs) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  const labels = runs.map((r) =>
    // The time goes first: a narrow legend cuts the end, and the name is the part they share.
    (count.get(r.name) ?? 0) > 1 ? `${formatDateTime(r.createdAt).slice(11)} · ${r.name}` : r.name,
  );
  const seen = new Map<string, number>();
  const repeats = new Map<string, number>();
  for (const l of labels) repeats.set(l, (repeats.get(l) ?? 0) + 1);
  return labels.map((l) => {
    if ((repeats.get(l) ?? 0) < 2) return l;
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return `${l} (${n})`;
  });
}
