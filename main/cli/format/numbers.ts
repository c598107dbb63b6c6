/**
 * Terminal-only number formats. Thousands separators, bytes and shapes come from the engine's
 * `fmtInt` / `fmtBytes` / `fmtShape`, so the CLI and the designer print the same figures.
 */
import { fmtShape } from '../../network/catalog/format.ts';

/** `4089184256` → `"4.09 G"`; three significant digits with an SI suffix (k, M, G, T). */
export function compact(n: number): string {
  const units = ['', ' k', ' M', ' G', ' T'];
  let v = n;
  let i = 0;
  // Compare the rounded value so 999,999 becomes "1.00 M", not "1000 k".
  while (Math.abs(Number(v.toPrecision(3))) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? String(n) : `${v.toPrecision(3)}${units[i]}`;
}

/** `[56, 56, 64]` → `"56×56×64"`; null (unknown) → `"?"`. */
export function shape(s: readonly number[] | null): string {
  return s === null ? '?' : fmtShape(s);
}
