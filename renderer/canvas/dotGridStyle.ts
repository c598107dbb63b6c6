/** Where the dot grid's dots go on screen for a view (see DotGrid.tsx). */

/** Below this many screen pixels between dots they would only grey the canvas: none are drawn. */
export const MIN_DOT_SPACING_PX = 5;

export interface DotGridStyle {
  backgroundSize?: string;
  backgroundPosition?: string;
  backgroundImage?: string;
  '--dot-r'?: string;
}

/**
 * CSS for dots of diameter `size` at every multiple of `gap` in flow coordinates, seen through the
 * view translate(x, y) scale(zoom). Each tile has its dot at its centre, so the tiles start half
 * a gap before each dot.
 */
export function dotGridStyle(
  x: number,
  y: number,
  zoom: number,
  gap: number,
  size: number,
): DotGridStyle {
  const g = gap * zoom;
  if (!(g >= MIN_DOT_SPACING_PX)) return { backgroundImage: 'none' };
  return {
    backgroundSize: `${g}px ${g}px`,
    backgroundPosition: `${x - g / 2}px ${y - g / 2}px`,
    '--dot-r': `${(size * zoom) / 2}px`,
  };
}
