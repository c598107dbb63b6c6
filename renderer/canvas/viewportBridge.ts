/**
 * Lets commands outside the canvas (palette, toolbar, shortcuts) ask about the viewport without
 * holding a React Flow instance: the canvas registers these functions when it mounts.
 */
import type { Position } from '../../main/network/types.ts';

export interface ViewportApi {
  /** The flow coordinates at the centre of the visible canvas. */
  centre(): Position;
  /** Flow coordinates of a screen point. */
  toFlow(screen: Position): Position;
  /** Zooms the view in or out one step around its centre. */
  zoomBy(direction: 1 | -1): void;
  /** Pans (same zoom) so the card at flow position `at` is in sight; no-op when it already is. */
  reveal(at: Position): void;
}

let current: ViewportApi | null = null;

/** Called by the canvas on mount (and with null on unmount). */
export function registerViewport(api: ViewportApi | null): void {
  current = api;
}

/** The registered viewport, or null before the canvas is mounted. */
export function viewport(): ViewportApi | null {
  return current;
}
