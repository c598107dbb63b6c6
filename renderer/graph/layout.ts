/**
 * Automatic top-to-bottom layered layout with dagre, for templates, files without positions and
 * the "Auto layout" command.
 */
import dagre from '@dagrejs/dagre';
import type { NetworkDoc, Position } from '../../main/network/types.ts';

/** Size of a node card on the canvas; the layout spaces nodes by it. */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 84;

/** Top-left positions for every node, layered top to bottom in edge direction. */
export function computeLayout(doc: NetworkDoc): Map<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 36, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const n of doc.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of doc.edges)
    if (ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, Position>();
  for (const n of doc.nodes) {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    // dagre gives centres; React Flow positions are top-left corners.
    if (p)
      out.set(n.id, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) });
  }
  return out;
}

/** The doc with every node laid out (`all`), or only nodes that have no position yet. */
export function layoutDoc(doc: NetworkDoc, mode: 'all' | 'missing'): NetworkDoc {
  if (mode === 'missing' && doc.nodes.every((n) => n.position)) return doc;
  const positions = computeLayout(doc);
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (mode === 'missing' && n.position) return n;
      const p = positions.get(n.id);
      return p ? { ...n, position: p } : n;
    }),
  };
}
