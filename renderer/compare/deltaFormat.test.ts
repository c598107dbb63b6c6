import { describe, expect, it } from 'vitest';
import { deltaClass, formatDelta, formatPercent } from './deltaFormat.ts';

describe('how the compare view writes a difference', () => {
  it('signs it with a real minus, in the figure’s own unit', () => {
    expect(formatDelta('trainableParams', -223_600)).toBe('−223,600');
    expect(formatDelta('macs', 175_000_000)).toBe('+175 M');
    expect(formatDelta('activationBytes', -501_760)).toBe('−490 KiB');
    expect(formatDelta('macs', 0)).toBe('0');
  });

  it('adds the change relative to A, and nothing when A is 0 or nothing changed', () => {
    expect(formatPercent(-223_600, 387_296)).toBe(' (−58 %)');
    expect(formatPercent(5, 1000)).toBe(' (+0.5 %)');
    expect(formatPercent(5, 0)).toBe('');
    expect(formatPercent(0, 10)).toBe('');
  });

  it('highlights a saving and a cost apart', () => {
    expect(deltaClass(-1)).toBe('delta delta--less');
    expect(deltaClass(1)).toBe('delta delta--more');
    expect(deltaClass(0)).toBe('delta');
  });
});
