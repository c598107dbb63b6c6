/**
 * Tiny builders for network documents, for tests and benchmarks:
 * `chain([32, 32, 3], ['Conv2D', { filters: 8, kernelSize: 3 }], ['Flatten'])`.
 */
import type { NetworkDoc, NetworkEdge, NetworkNode } from './types.ts';

export type LayerSpecTuple = [type: string, params?: Record<string, unknown>, id?: string];

/** A document from explicit nodes and edges (`[source, target]` pairs, in input order). */
export function makeDoc(
  nodes: NetworkNode[],
  edges: [string, string][] | NetworkEdge[],
): NetworkDoc {
  return {
    format: 'netdesigner.network',
    version: 1,
    name: 'test',
    nodes,
    edges: edges.map((e) => (Array.isArray(e) ? { source: e[0], target: e[1] } : e)),
  };
}

/** Input(shape) followed by the given layers in a straight line; ids default to `l1`, `l2`, … */
export function chain(shape: number[], ...layers: LayerSpecTuple[]): NetworkDoc {
  const nodes: NetworkNode[] = [{ id: 'in', type: 'Input', params: { shape } }];
  const edges: [string, string][] = [];
  layers.forEach(([type, params = {}, id = `l${nodes.length}`]) => {
    edges.push([nodes[nodes.length - 1]!.id, id]);
    nodes.push({ id, type, params });
  });
  return makeDoc(nodes, edges);
}
