/**
 * The Python the exporter hands out lives in real, tested files under main/training/pytorch/; this
 * reads them and cuts out the top-level classes / functions a generated file needs, so the user's
 * file is self-contained and identical to what NetDesigner's own tests run.
 */
import { readFileSync } from 'node:fs';

/** Folder of the `netd_torch` Python package. */
export const NETD_TORCH_DIR = new URL('../../training/pytorch/netd_torch/', import.meta.url);

const cache = new Map<string, string>();

/** The text of `netd_torch/<file>`. */
export function pythonSource(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(new URL(file, NETD_TORCH_DIR), 'utf8');
    cache.set(file, text);
  }
  return text;
}

/**
 * The top-level definitions (`class X` / `def x`) of a Python file by name, each with its
 * decorators and the comment lines right above it, without trailing blank lines.
 */
export function pythonDefinitions(text: string): Map<string, string> {
  const lines = text.split('\n');
  const defs = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:class|def)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(lines[i]!);
    if (!m) continue;
    let start = i;
    while (start > 0 && /^(#|@)/.test(lines[start - 1]!)) start--;
    let end = i + 1;
    while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]!))) end++;
    while (end > i + 1 && lines[end - 1]!.trim() === '') end--;
    defs.set(m[1]!, lines.slice(start, end).join('\n'));
  }
  return defs;
}

/**
 * The named definitions from `netd_torch/<file>`, in the file's order.
 *
 * @throws Error when a name is not defined there (a mismatch between exporter and package).
 */
export function pickDefinitions(file: string, names: readonly string[]): string[] {
  const defs = pythonDefinitions(pythonSource(file));
  const wanted = new Set(names);
  for (const n of wanted) {
    if (!defs.has(n)) throw new Error(`netd_torch/${file} does not define ${n}`);
  }
  return [...defs].filter(([name]) => wanted.has(name)).map(([, code]) => code);
}
