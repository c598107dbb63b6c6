/**
 * The trainer's seeded PRNG (mulberry32) with the picks the graph generator needs, so a failing
 * cross-check can be replayed with its seed.
 */
import { createRng as mulberry32 } from '../../main/training/data/rng.ts';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** A deterministic generator for `seed` (≥ 1). */
export function createRng(seed: number): Rng {
  const { next } = mulberry32(seed);
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}
