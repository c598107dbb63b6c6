/** Finds the layer whose width is the number of classes, in any network. */
import type { NetworkDoc, NetworkNode } from '../network/types.ts';
import { AdaptError } from './errors.ts';

/** Layers that may sit between the classifier and the output without changing the class count. */
const PASS_THROUGH = new Set([
  'Activation',
  'Dropout',
  'BatchNorm',
  'Flatten',
  'GlobalAvgPool2D',
  'GlobalMaxPool2D',
]);

export interface Classifier {
  node: NetworkNode;
  /** `units` for Dense, `filters` for a fully-convolutional head (Conv2D → global pool). */
  param: 'units' | 'filters';
}

/**
 * Walks back from the network's single output through pass-through layers (softmax, dropout,
 * global pooling…) to the Dense (or Conv2D) layer that sets the class count.
 * @throws AdaptError when there is no single output or no such layer.
 */
export function findClassifier(doc: NetworkDoc): Classifier {
  const hasOutgoing = new Set(doc.edges.map((e) => e.source));
  const sinks = doc.nodes.filter((n) => !hasOutgoing.has(n.id) && n.type !== 'Input');
  if (sinks.length !== 1) {
    throw new AdaptError(
      sinks.length === 0
        ? 'cannot change the number of classes: the network has no output layer'
        : `cannot change the number of classes: the network has ${sinks.length} outputs ` +
            `(${sinks.map((s) => `'${s.id}'`).join(', ')}); keep one`,
    );
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  // Each node's inputs, indexed once: the walk back stays linear on a 100k-layer chain.
  const incoming = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = incoming.get(e.target);
    if (list) list.push(e.source);
    else incoming.set(e.target, [e.source]);
  }
  let node: NetworkNode = sinks[0]!;
  const seen = new Set<string>();
  while (PASS_THROUGH.has(node.type) && !seen.has(node.id)) {
    seen.add(node.id);
    const sources = incoming.get(node.id);
    const source = sources?.length === 1 ? byId.get(sources[0]!) : undefined;
    if (!source) break;
    node = source;
  }
  if (node.type === 'Dense') return { node, param: 'units' };
  if (node.type === 'Conv2D') return { node, param: 'filters' };
  throw new AdaptError(
    `cannot change the number of classes: the output '${sinks[0]!.id}' is not fed by a Dense layer ` +
      `(found ${node.type} '${node.id}')`,
  );
}
