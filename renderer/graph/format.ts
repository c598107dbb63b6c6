/**
 * Number and shape formatting shared by node cards, the inspector, the summary bar, the table and
 * the training dashboard.
 * Pure functions: the same figure is written the same way everywhere.
 */
import type { Shape } from '../../main/network/types.ts';

const GROUPED = new Intl.NumberFormat('en-US');

/** Full integer with thousands separators: 25557032 → "25,557,032". */
export function formatInt(n: number): string {
  return GROUPED.format(Math.round(n));
}

/** Decimal SI prefixes, largest first. */
const SI_UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** Compact parameter count for cards: 73856 → "73.9k", 1_234_567 → "1.2M", 950 → "950". */
export function formatCompact(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  for (const [size, suffix] of SI_UNITS) {
    if (abs >= size) {
      const v = n / size;
      // Keep three significant digits at most, drop a trailing ".0".
      const text = Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1);
      return `${text.replace(/\.0$/, '')}${suffix}`;
    }
  }
  return String(n);
}

/** Multiply-accumulates with an SI unit and a space: 4_089_184_256 → "4.09 G", 1200 → "1.2 k". */
export function formatMacs(n: number): string {
  if (n === 0) return '0';
  for (const [size, suffix] of SI_UNITS) {
    if (n >= size) return `${trimDigits(n / size)} ${suffix}`;
  }
  return String(Math.round(n));
}

/** Bytes in binary units: 1536 → "1.5 KiB", 3_211_264 → "3.06 MiB". */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return i === 0 ? `${Math.round(v)} B` : `${trimDigits(v)} ${units[i]}`;
}

/** Three significant digits: 4.0892 → "4.09", 15.47 → "15.5", 138.4 → "138". */
function trimDigits(v: number): string {
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1).replace(/\.0$/, '');
  return v.toFixed(2).replace(/\.?0+$/, '');
}

/** Tensor shape as on the card and the edges: [56,56,64] → "56×56×64"; null → "?". */
export function formatShape(shape: Shape | null | undefined): string {
  if (!shape) return '?';
  return shape.join('×');
}

/** Parses "224x224x3", "224×224×3" or "224, 224, 3" into numbers; null when it is not a shape. */
export function parseShape(text: string): number[] | null {
  const parts = text
    .trim()
    .split(/\s*[x×,*]\s*/i)
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const nums = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  return nums.every((n) => Number.isInteger(n) && n > 0) ? nums : null;
}
