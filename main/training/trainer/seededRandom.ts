/** Reproducible weight initialisation. */
import { createRng } from '../data/rng.ts';

/**
 * Runs `fn` with `Math.random` replaced by a seeded generator. tfjs initialisers without an explicit
 * seed seed their own generator from `Math.random()`, so this makes a compiled model's initial
 * weights a function of the run's seed. Restored even when `fn` throws.
 */
export function withSeededMathRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  const rng = createRng(seed * 7919 + 17);
  Math.random = rng.next;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
