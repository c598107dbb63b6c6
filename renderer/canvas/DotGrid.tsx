/**
 * The dots behind the cards, one every `gap` flow units, as the background image of one element
 * the size of the canvas, instead of React Flow's <Background> (an SVG pattern sized 100 % of the
 * canvas). Chromium lays that SVG out again whenever anything on the canvas is laid out (its size
 * is a percentage), and then repaints and re-rasterises the whole canvas: on ResNet-152 expanded
 * an edit's new numbers took 48–52 ms to show instead of 39–43 ms (alternating bench/ui runs,
 * docs/performance.md).
 * A background image is repainted only when the view moves, as the pattern is.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { dotGridStyle } from './dotGridStyle.ts';

const transformOf = (s: ReactFlowState) => s.transform;

export function DotGrid({ gap, size }: { gap: number; size: number }) {
  const [x, y, zoom] = useStore(transformOf);
  const style = dotGridStyle(x, y, zoom, gap, size);
  return (
    <div
      className="react-flow__container dot-grid"
      data-testid="dot-grid"
      aria-hidden
      style={style as CSSProperties}
    />
  );
}
