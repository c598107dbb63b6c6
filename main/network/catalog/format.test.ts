/** Number formatting as the inspector and CLI show it. */
import { describe, expect, it } from 'vitest';
import { fmtBytes, fmtFloat, fmtInt, fmtShape } from './format.ts';

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
    expect([12, 1536, 56 * 56 * 128 * 4].map(fmtBytes)).toEqual(['12 B', '1.5 KB', '1.53 MB']);
    expect(fmtShape([56, 56, 64])).toBe('56×56×64');
  });
});
