/**
 * Where a new card goes so that it does not cover another: the wanted spot when it is free, else
 * the nearest free slot to its right (the way people read a layered network: down the main path,
 * branches beside it).
 */
import type { NetworkDoc, Position } from '../../main/network/types.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './layout.ts';

/** Breathing room kept between cards. */
const MARGIN = 20;
/** Give up looking after this many slots (a canvas that full has bigger problems). */
const MAX_TRIES = 40;

function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < NODE_WIDTH + MARGIN && Math.abs(a.y - b.y) < NODE_HEIGHT + MARGIN;
}

/** Returns `wanted` if no card of `doc` overlaps a card placed there, else the first free slot to its right. */
export function freeSpot(doc: NetworkDoc, wanted: Position): Position {
  const taken = doc.nodes.flatMap((n) => (n.position ? [n.position] : []));
  for (let i = 0; i < MAX_TRIES; i++) {
    const at = { x: wanted.x + i * (NODE_WIDTH + 2 * MARGIN), y: wanted.y };
    if (!taken.some((p) => overlaps(p, at))) return at;
  }
  return wanted;
}
