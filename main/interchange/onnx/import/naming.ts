/**
 * Design node ids from ONNX node names. PyTorch names nodes after their module path
 * (`/layer1/layer1.0/conv1/Conv`); the design gets the path without the operator
 * (`layer1.0.conv1`), so an imported torchvision network reads like its Python source.
 */

/** Characters a design id keeps; `/` is reserved for the ids inside composite blocks. */
const UNSAFE = /[^A-Za-z0-9_.-]+/g;

/** The id hint for an ONNX node: its module path, its own name, or its op type in lower case. */
export function idHint(name: string | undefined, opType: string): string {
  const fallback = opType.toLowerCase();
  if (!name) return fallback;
  if (!name.startsWith('/')) return name.replace(UNSAFE, '_') || fallback;
  const segments = name.split('/').filter(Boolean).slice(0, -1);
  const path: string[] = [];
  for (const s of segments) {
    const last = path[path.length - 1];
    // `/layer1/layer1.0/…` repeats the parent in the child: keep the longer, qualified one.
    if (last !== undefined && s.startsWith(`${last}.`)) path[path.length - 1] = s;
    else path.push(s);
  }
  return path.join('.').replace(UNSAFE, '_') || fallback;
}

/** Longest common dotted prefix of ids (`layer1.0.conv1`, `layer1.0.bn1` → `layer1.0`). */
export function commonPrefix(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const split = ids.map((id) => id.split('.'));
  const first = split[0]!;
  let n = 0;
  while (n < first.length && split.every((s) => s.length > n && s[n] === first[n])) n++;
  return first.slice(0, n).join('.');
}
