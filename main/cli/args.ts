/** Parsers for CLI option values; each throws commander's InvalidArgumentError with a clear reason. */
import { InvalidArgumentError } from 'commander';
import { MAX_CHANNELS, MAX_CLASSES, MAX_SIDE } from '../templates/request.ts';

/** `"32x32x3"` (or `32×32×3`, `32,32,3`) → `[32, 32, 3]`. */
export function parseInputShape(value: string): [number, number, number] {
  const parts = value.trim().split(/[x×,]/i);
  const nums = parts.map((p) => (/^\d+$/.test(p.trim()) ? Number(p) : NaN));
  if (nums.length !== 3 || nums.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new InvalidArgumentError('expected HxWxC with positive whole numbers, e.g. 32x32x3');
  }
  const [h, w, c] = nums as [number, number, number];
  if (h > MAX_SIDE || w > MAX_SIDE)
    throw new InvalidArgumentError(`height and width must be at most ${MAX_SIDE}`);
  if (c > MAX_CHANNELS) throw new InvalidArgumentError(`channels must be at most ${MAX_CHANNELS}`);
  return [h, w, c];
}

/** The number of classes: a whole number of at least 2. */
export function parseClasses(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 2 || n > MAX_CLASSES) {
    throw new InvalidArgumentError(`expected a whole number from 2 to ${MAX_CLASSES}`);
  }
  return n;
}
