/**
 * The one number and shape formatting module: analysis summaries, formulas and messages, the
 * designer's cards, inspector, table and summary bar, and the CLI's tables all write a figure
 * through here, so it reads the same everywhere. Pure: the renderer imports it by value.
 * Hand-rolled rather than `toLocaleString` because analysis runs on every edit and `Intl`
 * formatting is comparatively slow.
 */
import type { NetworkNode, Shape } from '../types.ts';

/** How messages name a node: `Conv2D 'conv3'` (its label when it has one). */
export function nodeName(node: Pick<NetworkNode, 'id' | 'type' | 'label'>): string {
  return `${node.type} '${node.label || node.id}'`;
}

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

/** Bytes in binary units with three significant digits: `1536` → `"1.5 KiB"`. */
export function fmtBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? Math.round(v) : Number(v.toPrecision(3))} ${units[i]}`;
}

/** Decimal SI prefixes, largest first. */
const SI_UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** Three significant digits, zeros kept so columns line up: 4.0892 → "4.09", 7.8 → "7.80". */
function threeDigits(v: number): string {
  return v.toPrecision(3);
}

/**
 * A count with an SI unit and a space, three significant digits (MACs, parameters in tables):
 * 4_089_184_256 → "4.09 G", 1200 → "1.20 k", 950 → "950".
 */
export function fmtSi(n: number): string {
  const abs = Math.abs(n);
  // Compare the rounded value so 999,999 becomes "1.00 M", not "1000 k".
  for (const [size, suffix] of SI_UNITS) {
    if (Math.abs(Number((abs / size).toPrecision(3))) >= 1)
      return `${threeDigits(n / size)} ${suffix}`;
  }
  return String(Math.round(n));
}

/** Compact count for cards, no space: 73856 → "73.9k", 1_234_567 → "1.2M", 950 → "950". */
export function fmtCompact(n: number): string {
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

/**
 * `"a 56×56×64 map"` but `"an 8×8×512 map"`: the article a shape is read with (8…, 11, 18, 11,…
 * and 18,… start with a vowel sound).
 */
export function aShape(shape: Shape): string {
  const lead = String(shape[0] ?? '');
  const vowel = lead.startsWith('8') || (lead.length % 3 === 2 && /^1[18]/.test(lead));
  return `${vowel ? 'an' : 'a'} ${fmtShape(shape)}`;
}

/** `(1, 'input')` → `"1 input"`, `(3, 'input')` → `"3 inputs"` (with thousands separators). */
export function plural(n: number, word: string): string {
  return `${fmtInt(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** `[56, 56, 64]` → `"56×56×64"`; an unknown shape (null) → `"?"`. */
export function fmtShape(shape: readonly number[] | null | undefined): string {
  return shape ? shape.join('×') : '?';
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

/**
 * The words for a node's or a network's parameters, the same on cards, the Table, the inspector,
 * the summary bar and `netd inspect`: weights that learn are "trainable"; BatchNorm's running
 * statistics are "non-trainable". A bare "params" only where every one is trainable.
 */
export const PARAM_WORDS = { trainable: 'trainable', nonTrainable: 'non-trainable' } as const;

/**
 * `"1,728 params"` when all are trainable, else `"128 trainable + 128 non-trainable"`; empty for
 * none. `fmt` picks the number format (`fmtCompact` on cards); `short` (cards, where the words do
 * not fit; their tooltip has the long form) writes `"128 + 128 params"`, trainable first.
 */
export function paramsText(
  trainable: number,
  nonTrainable: number,
  fmt: (n: number) => string = fmtInt,
  short = false,
): string {
  if (nonTrainable === 0) return trainable > 0 ? `${fmt(trainable)} params` : '';
  return short
    ? `${fmt(trainable)} + ${fmt(nonTrainable)} params`
    : `${fmt(trainable)} ${PARAM_WORDS.trainable} + ${fmt(nonTrainable)} ${PARAM_WORDS.nonTrainable}`;
}
