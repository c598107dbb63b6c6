/**
 * The renderer's names for the engine's one formatting module (main/network/catalog/format.ts),
 * plus parsing what the user types as a shape.
 */
import { fmtInt } from '../../main/network/catalog/format.ts';

/** Full integer with thousands separators: 25557032 → "25,557,032". */
export const formatInt = (n: number): string => fmtInt(Math.round(n));

/** The engine's formatters under the names the renderer uses (one definition: catalog/format.ts). */
export {
  fmtBytes as formatBytes,
  fmtCompact as formatCompact,
  fmtShape as formatShape,
  fmtSi as formatMacs,
} from '../../main/network/catalog/format.ts';

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
