/**
 * Semantic zoom: below `COMPACT_BELOW` a card's small text would be unreadable, so cards switch to
 * a compact block (type, output shape and a size bar, in large type) and wire labels are hidden.
 */
import { useStore } from '@xyflow/react';

/** Zoom under which cards are drawn compact (their 12 px text would be under 9 px on screen). */
export const COMPACT_BELOW = 0.75;

/**
 * Smallest zoom at which the compact cards' labels stay readable (their 22 px type is ≥ 9 px on
 * screen); *Fit* does not go below it when it can avoid it.
 */
export const READABLE_COMPACT_ZOOM = 0.42;

/** True while the canvas is zoomed out far enough for compact cards (re-renders only on the switch). */
export function useCompact(): boolean {
  return useStore((s) => s.transform[2] < COMPACT_BELOW);
}

/**
 * Zoom under which even compact text is far too small to read (under 6 px): a card is then only
 * its colour and size bar, which keeps a fitted 500-layer network light to draw and drag.
 */
export const TINY_BELOW = 0.27;

/** True while cards are drawn as bare blocks (re-renders only on the switch). */
export function useTiny(): boolean {
  return useStore((s) => s.transform[2] < TINY_BELOW);
}
