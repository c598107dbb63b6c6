/**
 * Graph walking over a document's node ids, each in one pass over the edges (linear time; never
 * a scan of all edges per node). Pure and dependency-free: the renderer imports it by value.
 * Analysis has its own index-based view (graph.ts) tuned for the per-keystroke hot path.
 */
import type { NetworkDoc, NetworkEdge } from './types.ts';

/** Each node's input nodes, in edge order (= Add/Concat input order); a node without any is absent. */
export function predecessors(edges: readonly NetworkEdge[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of edges) {
    const list = map.get(e.target);
    if (list) list.push(e.source);
    else map.set(e.target, [e.source]);
  }
  return map;
}

/** Each node's consumers, in edge order; a node nothing reads from is absent. */
export function successors(edges: readonly NetworkEdge[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of edges) {
    const list = map.get(e.source);
    if (list) list.push(e.target);
    else map.set(e.source, [e.target]);
  }
  return map;
}

/**
 * Node ids in topological order (Kahn's algorithm, first-in first-out from file order, so the
 * order reads like the file). Nodes on or behind a cycle are left out; edges to unknown ids are
 * ignored.
 */
export function topologicalOrder(doc: Pick<NetworkDoc, 'nodes' | 'edges'>): string[] {
  const known = new Set(doc.nodes.map((n) => n.id));
  const indegree = new Map<string, number>();
  for (const id of known) indegree.set(id, 0);
  const next = new Map<string, string[]>();
  for (const e of doc.edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    indegree.set(e.target, indegree.get(e.target)! + 1);
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const order: string[] = [];
  for (const [id, d] of indegree) if (d === 0) order.push(id);
  for (let head = 0; head < order.length; head++) {
    for (const t of next.get(order[head]!) ?? []) {
      const d = indegree.get(t)! - 1;
      indegree.set(t, d);
      if (d === 0) order.push(t);
    }
  }
  return order;
}
