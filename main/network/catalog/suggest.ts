/** "Did you mean …?" for misspelt layer types and param names (only computed for a problem). */

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Edit distance (insert, delete, substitute), for short identifiers. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The candidate `name` was most likely meant to be — same letters ignoring case and `_`/`-`
 * (`kernel_size` → `kernelSize`, `conv2d` → `Conv2D`), else one that starts like it (`MaxPool` →
 * `MaxPool2D`), else the nearest within a few typos — or undefined when none is close.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = norm(name);
  if (wanted === '') return undefined;
  const same = candidates.find((c) => norm(c) === wanted);
  if (same) return same;
  // `MaxPool` → `MaxPool2D`, `BatchNormalization` → `BatchNorm`.
  const prefix = candidates.find((c) => {
    const n = norm(c);
    return Math.min(n.length, wanted.length) >= 4 && (n.startsWith(wanted) || wanted.startsWith(n));
  });
  if (prefix) return prefix;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(wanted.length / 4)) + 1;
  for (const c of candidates) {
    const d = distance(wanted, norm(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `" — did you mean 'kernelSize'?"`, or `""` when nothing is close. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const match = closestName(name, candidates);
  return match === undefined ? '' : ` — did you mean '${match}'?`;
}
