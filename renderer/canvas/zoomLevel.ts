/**
 * Semantic zoom: below `COMPACT_BELOW` a card's small text would be unreadable, so cards switch to
 * a compact block (type, output shape and a size bar, in large type) and wire labels are hidden.
 */
import { createContext, useContext } from 'react';
import { useStore } from '@xyflow/react';

/** Zoom under which cards are drawn compact (their 12 px text would be under 9 px on screen). */
export const COMPACT_BELOW = 0.75;

/**
 * Smallest zoom at which the compact cards' labels stay readable (their 22 px type is ≥ 9 px on
 * screen); *Fit* does not go below it when it can avoid it.
 */
export const READABLE_COMPACT_ZOOM = 0.42;

/**
 * Zoom under which even compact text is far too small to read (under 6 px): a card is then only
 * its colour and size bar, which keeps a fitted 500-layer network light to draw and drag.
 */
export const TINY_BELOW = 0.27;

/** How cards are drawn at a zoom: in full, compact (large type) or tiny (bare blocks). */
export type ZoomLevel = 'full' | 'compact' | 'tiny';

/** The zoom level of a zoom factor. */
export function zoomLevelOf(zoom: number): ZoomLevel {
  return zoom < TINY_BELOW ? 'tiny' : zoom < COMPACT_BELOW ? 'compact' : 'full';
}

/**
 * The canvas's zoom level, read from React Flow's store by the canvas alone and handed to cards
 * and wires by context: a store subscription per card and wire would run ~1,000 selectors on
 * every store update (every frame of a drag on a 500-layer network).
 */
export const ZoomLevelContext = createContext<ZoomLevel>('full');

/** For the canvas: the zoom level (re-renders only on a switch). */
export function useZoomLevelFromStore(): ZoomLevel {
  return useStore((s) => zoomLevelOf(s.transform[2]));
}

/** True while the canvas is zoomed out far enough for compact cards. */
export function useCompact(): boolean {
  return useContext(ZoomLevelContext) !== 'full';
}

/** True while cards are drawn as bare blocks. */
export function useTiny(): boolean {
  return useContext(ZoomLevelContext) === 'tiny';
}
