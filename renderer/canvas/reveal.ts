/**
 * Keeping a newly created card in sight: a one-click fix or a click-to-add may place a card beside
 * the visible part of the canvas, and a user who cannot see what happened thinks nothing did.
 */
import type { Viewport } from '@xyflow/react';
import type { Position } from '../../main/network/types.ts';

/** Screen pixels kept between a revealed card and the canvas edge. */
const MARGIN = 24;

/**
 * The viewport (same zoom) that brings the card at flow position `card` of size `cardSize` fully
 * into a canvas of `width`×`height` screen pixels with the least panning, or null when it is
 * already fully visible.
 */
export function revealViewport(
  view: Viewport,
  width: number,
  height: number,
  card: Position,
  cardSize: { width: number; height: number },
): Viewport | null {
  const left = card.x * view.zoom + view.x;
  const top = card.y * view.zoom + view.y;
  const right = left + cardSize.width * view.zoom;
  const bottom = top + cardSize.height * view.zoom;
  const dx = shift(left, right, width);
  const dy = shift(top, bottom, height);
  if (dx === 0 && dy === 0) return null;
  return { x: view.x + dx, y: view.y + dy, zoom: view.zoom };
}

/** How far to move [start, end] so it lies inside [MARGIN, size − MARGIN] (start wins if too big). */
function shift(start: number, end: number, size: number): number {
  if (start < MARGIN) return MARGIN - start;
  if (end > size - MARGIN) return Math.max(size - MARGIN - end, MARGIN - start);
  return 0;
}
