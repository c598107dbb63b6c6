/**
 * Which nodes can only output values ≥ 0. A max pool with explicit padding on such an input may pad
 * with zeros instead of −∞ (identical results) and so use tfjs's built-in layers, which keeps the
 * saved model loadable by any tfjs app without NetDesigner's custom layer classes — the ResNet stem
 * (ReLU → 3×3/2 max pool, padding 1) is the common case.
 */
import { predecessors } from '../../network/traversal.ts';
import type { NetworkDoc } from '../../network/types.ts';

const NON_NEGATIVE_FNS = new Set(['relu', 'relu6', 'sigmoid', 'softmax']);
/** Layers that keep "all inputs ≥ 0" true (averages, maxima, sums, copies, positive scaling). */
const PRESERVING = new Set([
  'MaxPool2D',
  'AvgPool2D',
  'GlobalAvgPool2D',
  'GlobalMaxPool2D',
  'Dropout',
  'Flatten',
  'Concat',
  'Add',
  'LRN',
]);

/** Ids of nodes whose every output element is ≥ 0, given `order` (topological). */
export function nonNegativeNodes(doc: NetworkDoc, order: readonly string[]): Set<string> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const sources = predecessors(doc.edges);
  const result = new Set<string>();
  for (const id of order) {
    const node = byId.get(id);
    if (!node) continue;
    const p = node.params ?? {};
    const inputs = sources.get(id) ?? [];
    const yes =
      node.type === 'Activation'
        ? NON_NEGATIVE_FNS.has(String(p['fn'] ?? 'relu'))
        : node.type === 'Conv2D' || node.type === 'Dense'
          ? NON_NEGATIVE_FNS.has(String(p['activation'] ?? 'linear'))
          : PRESERVING.has(node.type) && inputs.length > 0 && inputs.every((s) => result.has(s));
    if (yes) result.add(id);
  }
  return result;
}
