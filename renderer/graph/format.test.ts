import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCompact,
  formatInt,
  formatMacs,
  formatShape,
  parseShape,
} from './format.ts';

describe('format', () => {
  it.each([
    [25_557_032, '25,557,032'],
    [0, '0'],
    [1000, '1,000'],
  ])('formatInt(%d) = %s', (n, text) => expect(formatInt(n)).toBe(text));

  it.each([
    [950, '950'],
    [73_856, '73.9k'],
    [1_000, '1k'],
    [1_234_567, '1.2M'],
    [138_357_544, '138M'],
    [0, '0'],
  ])('formatCompact(%d) = %s', (n, text) => expect(formatCompact(n)).toBe(text));

  it.each([
    [4_089_184_256, '4.09 G'],
    [15_470_264_320, '15.5 G'],
    [714_000_000, '714 M'],
    [1_200, '1.20 k'],
    [7_801_405_440, '7.80 G'],
    [0, '0'],
  ])('formatMacs(%d) = %s', (n, text) => expect(formatMacs(n)).toBe(text));

  it.each([
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [3_211_264, '3.06 MiB'],
  ])('formatBytes(%d) = %s', (n, text) => expect(formatBytes(n)).toBe(text));

  it('writes shapes with multiplication signs and ? when unknown', () => {
    expect(formatShape([56, 56, 64])).toBe('56×56×64');
    expect(formatShape([10])).toBe('10');
    expect(formatShape(null)).toBe('?');
  });

  it('parses shapes written with x, × or commas and rejects the rest', () => {
    expect(parseShape('224x224x3')).toEqual([224, 224, 3]);
    expect(parseShape('32 × 32 × 1')).toEqual([32, 32, 1]);
    expect(parseShape('28,28,1')).toEqual([28, 28, 1]);
    expect(parseShape('28x0x1')).toBeNull();
    expect(parseShape('abc')).toBeNull();
    expect(parseShape('')).toBeNull();
  });
});
