/** Parsers for `netd train` option values; each throws commander's InvalidArgumentError with the reason. */
import { InvalidArgumentError } from 'commander';

/** A whole number ≥ `min`. */
export function intParser(min: number): (value: string) => number {
  return (value) => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min)
      throw new InvalidArgumentError(`expected a whole number of at least ${min} (got '${value}')`);
    return n;
  };
}

/** A finite number in (lo, hi] or [lo, hi] (`hi` may be Infinity). */
export function numberParser(
  lo: number,
  hi: number,
  exclusiveLow = false,
): (value: string) => number {
  return (value) => {
    const n = value.trim() === '' ? NaN : Number(value);
    const ok = Number.isFinite(n) && (exclusiveLow ? n > lo : n >= lo) && n <= hi;
    if (!ok) {
      const upper = hi === Infinity ? '' : ` ${exclusiveLow ? 'and at most' : 'to'} ${hi}`;
      throw new InvalidArgumentError(
        `expected a number ${exclusiveLow ? 'above' : 'from'} ${lo}${upper} (got '${value}')`,
      );
    }
    return n;
  };
}

/** One of `choices`. */
export function choiceParser<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    const v = value.trim().toLowerCase() as T;
    if (!choices.includes(v))
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')} (got '${value}')`);
    return v;
  };
}
