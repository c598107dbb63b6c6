/**
 * Number and shape formatting for summaries, formulas and messages. Hand-rolled rather than
 * `toLocaleString` because analysis runs on every edit and `Intl` formatting is comparatively slow.
 */
import type { Shape } from '../types.ts';

/** `73856` → `"73,856"`; non-integers keep up to 4 significant decimals. */
export function fmtInt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (!Number.isInteger(n)) return String(Number(n.toPrecision(4)));
  const neg = n < 0;
  let s = String(Math.abs(n));
  if (s.length > 3) {
    let out = '';
    while (s.length > 3) {
      out = ',' + s.slice(-3) + out;
      s = s.slice(0, -3);
    }
    s += out;
  }
  return neg ? '-' + s : s;
}

/** Bytes as B / KB / MB / GB with three significant digits (1 KB = 1024 B). */
export function fmtBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : Number(v.toPrecision(3))} ${units[i]}`;
}

/** `[56, 56, 64]` → `"56×56×64"`. */
export function fmtShape(shape: Shape): string {
  return shape.join('×');
}

const floatCache = new Map<number, string>();

/** Compact float for summaries: `1e-5`, `0.1` (memoised: the same few values recur per network). */
export function fmtFloat(x: number): string {
  let text = floatCache.get(x);
  if (text === undefined) {
    text =
      x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6)
        ? x
            .toExponential()
            .replace(/\.?0+e/, 'e')
            .replace('e+', 'e')
        : String(Number(x.toPrecision(6)));
    if (floatCache.size < 1000) floatCache.set(x, text);
  }
  return text;
}

/** Product of a shape's dimensions (number of elements). */
export function numel(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
