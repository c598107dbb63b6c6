/**
 * How runs are named on screen. Students retrain the same design under the same name, often on
 * different data, so a bare network name would make history rows and legend entries identical:
 * a run is shown as "network · data", with a run number in the history, and legends tell repeats
 * apart by start time (and a running number for runs started in the same minute).
 */
import { formatDateTime } from './format.ts';

interface Labelled {
  name: string;
  /** The data spec: `synthetic`, `fashion-mnist`, or a folder path. */
  data: string;
  createdAt: string;
}

/** The data set of a run, short: a folder is named by its last part ("…/cifar10" → "cifar10"). */
export function dataLabel(data: string): string {
  const parts = data.split(/[\\/]/).filter((p) => p.length > 0);
  return parts.at(-1) ?? data;
}

/** "LeNet-5 · fashion-mnist": the network and the data it was trained on. */
export function runTitle(run: Pick<Labelled, 'name' | 'data'>): string {
  return `${run.name} · ${dataLabel(run.data)}`;
}

/**
 * Run numbers, 1 for the oldest run: a short handle ("#7") that stays the same while newer runs
 * are added. Keyed by run id.
 */
export function runNumbers(
  runs: readonly { runId: string; createdAt: string }[],
): Map<string, number> {
  const oldestFirst = [...runs].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.runId.localeCompare(b.runId),
  );
  return new Map(oldestFirst.map((r, i) => [r.runId, i + 1]));
}

/** One distinct legend label per run, in the order given. */
export function runLabels(runs: readonly Labelled[]): string[] {
  const titles = runs.map(runTitle);
  const count = new Map<string, number>();
  for (const t of titles) count.set(t, (count.get(t) ?? 0) + 1);
  const labels = runs.map((r, i) =>
    // The time goes first: a narrow legend cuts the end, and the title is the part they share.
    (count.get(titles[i]!) ?? 0) > 1
      ? `${formatDateTime(r.createdAt).slice(11)} · ${titles[i]!}`
      : titles[i]!,
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
