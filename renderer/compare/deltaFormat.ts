/**
 * How the compare view writes differences: a real minus, a plus on increases, the relative change,
 * and whether a change is a saving (less) or a cost (more) for the highlight.
 */
import { formatBytes, formatInt, formatMacs } from '../graph/format.ts';

export type Figure =
  'trainableParams' | 'nonTrainableParams' | 'macs' | 'activationBytes' | 'trainingMemoryBytes';

/** The full figure, as the summary bar and table write it. */
export function formatFigure(key: Figure, n: number): string {
  if (key === 'macs') return formatMacs(n);
  if (key === 'activationBytes' || key === 'trainingMemoryBytes') return formatBytes(n);
  return formatInt(n);
}

/** `+1,234`, `−56 M`, or `0`: the figure's format with a sign. */
export function formatDelta(key: Figure, d: number): string {
  if (d === 0) return '0';
  return `${d > 0 ? '+' : '−'}${formatFigure(key, Math.abs(d))}`;
}

/** ` (−45 %)` relative to A; empty when A is 0 or nothing changed. */
export function formatPercent(d: number, a: number): string {
  if (d === 0 || a === 0) return '';
  const p = Math.abs((d / a) * 100);
  return ` (${d > 0 ? '+' : '−'}${p >= 10 ? p.toFixed(0) : p.toFixed(1)} %)`;
}

/** The highlight class of a difference: `less` (a saving), `more` (a cost) or none. */
export function deltaClass(d: number): string {
  return d < 0 ? 'delta delta--less' : d > 0 ? 'delta delta--more' : 'delta';
}
