/**
 * Deleting a layer from the middle of a chain: its one input is wired to its one output, where
 * the deleted layer's outgoing edge was, so an Add/Concat downstream keeps its input order.
 */
import type { NetworkDoc } from '../../main/network/types.ts';

/** The wire a bypass would create: the deleted layer's source and target. */
export interface Bypass {
  source: string;
  target: string;
}

/**
 * The neighbours to reconnect when `id` is deleted: only for a layer with exactly one input and
 * one output, and not when they are already connected. Null otherwise.
 */
export function bypassOf(doc: NetworkDoc, id: string): Bypass | null {
  const incoming = doc.edges.filter((e) => e.target === id);
  const outgoing = doc.edges.filter((e) => e.source === id);
  if (incoming.length !== 1 || outgoing.length !== 1) return null;
  const source = incoming[0]!.source;
  const target = outgoing[0]!.target;
  if (source === id || target === id) return null;
  if (doc.edges.some((e) => e.source === source && e.target === target)) return null;
  return { source, target };
}

/** Removes `id` and wires `bypass.source → bypass.target` in place of its outgoing edge. */
export function deleteAndReconnect(doc: NetworkDoc, id: string, bypass: Bypass): NetworkDoc {
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => n.id !== id),
    edges: doc.edges.flatMap((e) => {
      if (e.target === id) return [];
      if (e.source === id) return [{ source: bypass.source, target: bypass.target }];
      return [e];
    }),
  };
}
