import { describe, expect, it } from 'vitest';
import { formatLossTick } from './EpochChart.tsx';

describe('loss axis labels', () => {
  it('labels the ticks of an automatic domain differently (no "1.4" twice)', () => {
    const ticks = [1.1, 1.1875, 1.275, 1.3625, 1.45];
    const labels = ticks.map(formatLossTick);
    expect(new Set(labels).size).toBe(ticks.length);
    expect(labels).toEqual(['1.1', '1.19', '1.27', '1.36', '1.45']);
  });

  it('keeps small and large losses short', () => {
    expect([0.000123456, 0.5, 2, 12.345].map(formatLossTick)).toEqual([
      '0.000123',
      '0.5',
      '2',
      '12.3',
    ]);
  });
});
