import { describe, expect, it } from 'vitest';
import { dotGridStyle, MIN_DOT_SPACING_PX } from './dotGridStyle.ts';

/** Screen positions of the dot centres a style gives along one axis, from its tile size and start. */
function dotCentres(size: string, position: string, count: number): number[] {
  const tile = parseFloat(size);
  const start = parseFloat(position);
  return Array.from({ length: count }, (_, i) => start + tile / 2 + i * tile);
}

describe('dot grid', () => {
  it('puts a dot on every gap-th flow coordinate, where the view shows it', () => {
    // Flow x = 0, 20, 40 … seen through translate(130, 70) scale(1.5): 130, 160, 190 …
    const s = dotGridStyle(130, 70, 1.5, 20, 1.2);
    const xs = s.backgroundSize!.split(' ');
    const ps = s.backgroundPosition!.split(' ');
    expect(dotCentres(xs[0]!, ps[0]!, 3)).toEqual([130, 160, 190]);
    expect(dotCentres(xs[1]!, ps[1]!, 2)).toEqual([70, 100]);
    expect(parseFloat(s['--dot-r']!)).toBeCloseTo(0.9, 9);
  });

  it('draws no dots where they would be closer than a few pixels (far zoomed out)', () => {
    expect(dotGridStyle(0, 0, (MIN_DOT_SPACING_PX - 0.1) / 20, 20, 1.2).backgroundImage).toBe(
      'none',
    );
    expect(dotGridStyle(0, 0, MIN_DOT_SPACING_PX / 20, 20, 1.2).backgroundImage).toBeUndefined();
  });
});
