/**
 * Frozen layers: a node with `"frozen": true` keeps its weights while the rest trains (a
 * composite freezes every layer inside). Its parameters still count as the network's parameters
 * (PyTorch's `parameters()` lists them too); these helpers say how many of them will not train.
 */
import type { NetworkAnalysis, NetworkDoc, NetworkNode } from './types.ts';

/** True when the node's weights are not trained. */
export function isFrozen(node: Pick<NetworkNode, 'frozen'>): boolean {
  return node.frozen === true;
}

/** Trainable parameters of each frozen node (by id); nodes without parameters are left out. */
export function frozenParamsByNode(
  doc: NetworkDoc,
  analysis: Pick<NetworkAnalysis, 'nodes'>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of doc.nodes) {
    const params = analysis.nodes[n.id]?.trainableParams ?? 0;
    if (isFrozen(n) && params > 0 && !out.has(n.id)) out.set(n.id, params);
  }
  return out;
}

/** How many of the network's trainable parameters sit in frozen layers (and will not train). */
export function frozenParams(doc: NetworkDoc, analysis: Pick<NetworkAnalysis, 'nodes'>): number {
  let total = 0;
  for (const p of frozenParamsByNode(doc, analysis).values()) total += p;
  return total;
}
