/**
 * Which node is the network's output, and which layer sets its number of classes: decided here
 * only, for analysis warnings, the compiler, the data-fit check, Adapt and the training tab.
 * Pure and dependency-free: the renderer imports it by value.
 */
import { predecessors } from './traversal.ts';
import type { NetworkDoc, NetworkNode, Shape } from './types.ts';

/** The output, none (nothing but Inputs, or an empty design), or several candidates. */
export type OutputVerdict<T extends { id: string } = NetworkNode> =
  { kind: 'one'; node: T } | { kind: 'none' } | { kind: 'many'; nodes: T[] };

/** A node's output shape when known (`null`/`undefined` when not computable). */
export type ShapeOf = (id: string) => Shape | null | undefined;

/** The nodes nothing reads from, Inputs excepted, in file order: the output candidates. */
export function sinkNodes(doc: Pick<NetworkDoc, 'nodes' | 'edges'>): NetworkNode[] {
  const read = new Set<string>();
  for (const e of doc.edges) read.add(e.source);
  return doc.nodes.filter((n) => !read.has(n.id) && n.type !== 'Input');
}

/**
 * The rule, on the candidates: the single sink is the output. Among several, when shapes are
 * known and exactly one of them is a vector, that one is (a forgotten branch beside a finished
 * classifier does not hide it); otherwise there is no single output.
 */
export function pickOutput<T extends { id: string }>(
  sinks: readonly T[],
  shapeOf?: ShapeOf,
): OutputVerdict<T> {
  if (sinks.length === 0) return { kind: 'none' };
  if (sinks.length === 1) return { kind: 'one', node: sinks[0]! };
  if (shapeOf) {
    const vectors = sinks.filter((s) => shapeOf(s.id)?.length === 1);
    if (vectors.length === 1) return { kind: 'one', node: vectors[0]! };
  }
  return { kind: 'many', nodes: [...sinks] };
}

/** The network's output (see `pickOutput`); pass `shapeOf` when an analysis is at hand. */
export function networkOutput(doc: NetworkDoc, shapeOf?: ShapeOf): OutputVerdict {
  return pickOutput(sinkNodes(doc), shapeOf);
}

/** Layers between the classifier and the output that do not change the number of classes. */
const PASS_THROUGH = new Set([
  'Activation',
  'Dropout',
  'BatchNorm',
  'Flatten',
  'GlobalAvgPool2D',
  'GlobalMaxPool2D',
]);

/** The layer whose width is the number of classes, and the param that holds it. */
export interface Classifier {
  node: NetworkNode;
  /** `units` for Dense, `filters` for a fully-convolutional head (Conv2D → global pool). */
  param: 'units' | 'filters';
}

/**
 * Walks back from `output` through pass-through layers (softmax, dropout, global pooling…) to the
 * Dense (or Conv2D) layer that sets the class count; null when there is none. Linear in the edges;
 * a loop of pass-through layers (a design error) ends the walk.
 */
export function classifierOf(doc: NetworkDoc, output: NetworkNode): Classifier | null {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const sources = predecessors(doc.edges);
  let node: NetworkNode | undefined = output;
  const seen = new Set<string>();
  while (node && PASS_THROUGH.has(node.type) && !seen.has(node.id)) {
    seen.add(node.id);
    const inputs = sources.get(node.id);
    node = inputs?.length === 1 ? byId.get(inputs[0]!) : undefined;
  }
  if (node?.type === 'Dense') return { node, param: 'units' };
  if (node?.type === 'Conv2D') return { node, param: 'filters' };
  return null;
}
