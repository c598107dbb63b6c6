/** Number formatting as the inspector and CLI show it. */
import { describe, expect, it } from 'vitest';
import {
  aShape,
  fmtBytes,
  fmtCompact,
  fmtFloat,
  fmtInt,
  fmtShape,
  paramsText,
  plural,
} from './format.ts';

describe('formatting', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [73856, '73,856'],
    [-1234567, '-1,234,567'],
    [138357544, '138,357,544'],
  ])('fmtInt(%d) = %s', (n, text) => expect(fmtInt(n)).toBe(text));

  it('prints floats compactly and bytes in binary units', () => {
    expect([1e-5, 1e-4, 0.1, 0.75, 2e6].map(fmtFloat)).toEqual([
      '1e-5',
      '1e-4',
      '0.1',
      '0.75',
      '2e6',
    ]);
    expect([12, 1536, 56 * 56 * 128 * 4].map(fmtBytes)).toEqual(['12 B', '1.5 KiB', '1.53 MiB']);
    expect(fmtShape([56, 56, 64])).toBe('56×56×64');
  });

  it('reads shapes and counts with the right article and plural', () => {
    expect(
      [
        [56, 56, 64],
        [8, 8, 1],
        [11, 11, 3],
        [18, 2, 1],
        [1, 1, 4],
        [80, 8, 3],
      ].map(aShape),
    ).toEqual(['a 56×56×64', 'an 8×8×1', 'an 11×11×3', 'an 18×2×1', 'a 1×1×4', 'an 80×8×3']);
    expect([plural(1, 'input'), plural(25088, 'input')]).toEqual(['1 input', '25,088 inputs']);
  });
});

describe('params wording', () => {
  it('names trainable and non-trainable the same way everywhere', () => {
    expect(paramsText(1728, 0)).toBe('1,728 params');
    expect(paramsText(128, 128)).toBe('128 trainable + 128 non-trainable');
    expect(paramsText(73856, 256, fmtCompact, true)).toBe('73.9k + 256 params');
    expect(paramsText(0, 0)).toBe('');
  });
});
