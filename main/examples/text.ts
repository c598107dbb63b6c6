/**
 * Wording helpers for the examples' explanations: every figure in them comes from the comparison
 * the engine computed, formatted the way the designer shows numbers.
 */
import { fmtBytes, fmtInt } from '../network/catalog/format.ts';

/** `4,089,184,256` → `4.09 G` (three significant digits, SI suffix), small numbers as they are. */
export function si(n: number): string {
  const units = ['', ' k', ' M', ' G', ' T'];
  let v = n;
  let i = 0;
  while (Math.abs(Number(v.toPrecision(3))) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? fmtInt(n) : `${Number(v.toPrecision(3))}${units[i]}`;
}

/** How B relates to A: `2.4× fewer`, `1.8× more`, or `the same number of`. */
export function times(a: number, b: number, more = 'more', fewer = 'fewer'): string {
  if (a === b) return 'the same number of';
  const [big, small] = a > b ? [a, b] : [b, a];
  const word = b > a ? more : fewer;
  if (small === 0) return word;
  const r = big / small;
  return `${r >= 10 ? Math.round(r) : Number(r.toPrecision(2))}× ${word}`;
}

/** How much B differs from A, relative to A: `45 %` (rounded). */
export function change(a: number, b: number): string {
  if (a === 0) return '—';
  return `${Math.round((Math.abs(b - a) / a) * 100)} %`;
}

/** `part` as a share of `whole`: `89 %` (rounded). */
export function share(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)} %`;
}

export { fmtBytes, fmtInt };
