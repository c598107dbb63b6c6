import { escapeTerminal } from '../cli/format/terminal.ts';

/**
 * Deterministic randomness and hostile values for the fuzz suites: every run of a suite tries the
 * same inputs (seeded), so a failure reproduces from its seed and case number.
 */

/** A seeded generator of floats in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers bound to one generator. */
export interface Fuzzer {
  rand: () => number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function fuzzer(seed: number): Fuzzer {
  const rand = seeded(seed);
  return {
    rand,
    int: (max) => Math.floor(rand() * max),
    pick: (items) => items[Math.floor(rand() * items.length)]!,
    chance: (p) => rand() < p,
  };
}

/** Ids and names that broke or could break id-keyed objects, terminals and layouts. */
export const HOSTILE_STRINGS: readonly string[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineSetter__',
  'prototype',
  '',
  ' ',
  '\u001b[2J\u001b[HValid: 0 errors',
  '\r\u001b[2KValid: 0 errors, 0 warnings',
  'a\u202eb\u2066c',
  '\u0000nul',
  '\u0085\u009b31m',
  '../../../../etc/passwd',
  '%00%2e%2e',
  '<img src=x onerror=alert(1)>',
  'x'.repeat(250),
  '😀'.repeat(60),
  '\ud800',
];

/** Values for params, positions and other fields: wrong types, extremes, deep and big ones. */
export function hostileValue(f: Fuzzer): unknown {
  switch (f.int(12)) {
    case 0:
      return f.pick([0, -1, 1e308, -1e308, 2 ** 53, 0.5, 3, 1e-300]);
    case 1:
      return f.pick(HOSTILE_STRINGS);
    case 2:
      return null;
    case 3:
      return f.chance(0.5);
    case 4:
      return [f.int(100000), f.int(100000), f.int(5000)];
    case 5: {
      let v: unknown = 1;
      for (let i = f.int(40); i > 0; i--) v = [v];
      return v;
    }
    case 6:
      return Array.from({ length: f.int(3000) }, () => f.int(10));
    case 7:
      return { __proto__: { polluted: true }, constructor: 1 };
    case 8:
      return 'y'.repeat(f.int(300_000));
    case 9:
      return {};
    case 10:
      return [3, 3];
    default:
      return f.pick(['same', 'valid', 'relu', 'softmax', 'bottleneck', 'basic']);
  }
}

/** `bytes` with a few random flips, cuts, duplications or insertions. */
export function mutateBytes(f: Fuzzer, bytes: Buffer): Buffer {
  let out = Buffer.from(bytes);
  for (let k = 1 + f.int(4); k > 0; k--) {
    const at = out.length === 0 ? 0 : f.int(out.length);
    switch (f.int(5)) {
      case 0:
        if (out.length > 0) out[at] = f.int(256);
        break;
      case 1:
        out = out.subarray(0, at);
        break;
      case 2:
        out = Buffer.concat([out.subarray(0, at), out.subarray(at, at + 64), out.subarray(at)]);
        break;
      case 3:
        out = Buffer.concat([
          out.subarray(0, at),
          Buffer.from([0xff, 0xff, 0, 0]),
          out.subarray(at),
        ]);
        break;
      default:
        if (out.length >= 4)
          out.writeUInt32BE(
            f.pick([0, 0xffffffff, 0x7fffffff, 65_535, 1]),
            Math.min(at, out.length - 4),
          );
    }
  }
  return out;
}

/** Finds control and bidi characters that must never reach a terminal raw (tab, newline may). */
export const RAW_CONTROL = { test: (text: string): boolean => escapeTerminal(text) !== text };
