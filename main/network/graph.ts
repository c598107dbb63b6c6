/**
 * The structural half of analysis: which nodes and edges count, their input order, a topological
 * order and the cycles. Linear in nodes + edges; never throws on a malformed graph.
 */
import { nodeName } from './catalog/format.ts';
import type { NetworkDoc, NetworkEdge, NetworkNode, Problem } from './types.ts';

export interface Graph {
  /** Nodes that take part (the first of each duplicated id). */
  nodes: NetworkNode[];
  index: Map<string, number>;
  /** Per node, the indices of its input nodes in edge order (= Add/Concat input order). */
  inputs: number[][];
  /** Per node, the indices of the nodes it feeds. */
  outputs: number[][];
  /** Acyclic part in topological order, then the nodes on or behind cycles in file order. */
  order: number[];
  /** How many leading entries of `order` are properly sorted. */
  sortedCount: number;
  /** Node indices that lie on a cycle, with the members of their cycle (file order). */
  cycles: Map<number, number[]>;
  problems: Problem[];
}

const edgeText = (e: NetworkEdge) => `${e.source} → ${e.target}`;

/** Builds the graph view of a document, reporting structural problems instead of throwing. */
export function buildGraph(doc: NetworkDoc): Graph {
  const problems: Problem[] = [];
  const nodes: NetworkNode[] = [];
  const index = new Map<string, number>();
  for (const node of doc.nodes) {
    if (index.has(node.id)) {
      problems.push({
        severity: 'error',
        code: 'duplicate-id',
        nodeId: node.id,
        message: `Two layers share the id '${node.id}' — ids must be unique; rename one of them`,
      });
      continue;
    }
    index.set(node.id, nodes.length);
    nodes.push(node);
  }
  const n = nodes.length;
  const inputs: number[][] = Array.from({ length: n }, () => []);
  const outputs: number[][] = Array.from({ length: n }, () => []);
  for (const edge of doc.edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined) {
      const missing = [
        s === undefined ? `'${edge.source}'` : '',
        t === undefined ? `'${edge.target}'` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      problems.push({
        severity: 'error',
        code: 'dangling-edge',
        edge,
        ...(s !== undefined
          ? { nodeId: edge.source }
          : t !== undefined
            ? { nodeId: edge.target }
            : {}),
        message: `The connection ${edgeText(edge)} points to ${missing}, which does not exist — delete the connection`,
      });
      continue;
    }
    if (s === t) {
      problems.push({
        severity: 'error',
        code: 'self-loop',
        edge,
        nodeId: edge.source,
        message: `${nodeName(nodes[s]!)} is connected to itself — delete that connection`,
      });
      continue;
    }
    // In-degree is tiny (1–4), so a scan beats hashing a string key per edge.
    if (inputs[t]!.includes(s)) {
      problems.push({
        severity: 'error',
        code: 'duplicate-edge',
        edge,
        nodeId: edge.target,
        message: `The connection ${edgeText(edge)} appears twice — delete one`,
      });
      continue;
    }
    inputs[t]!.push(s);
    outputs[s]!.push(t);
  }

  // Kahn's algorithm, FIFO from file order, so the order reads like the file.
  const indegree = inputs.map((list) => list.length);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const t of outputs[order[head]!]!) {
      if (--indegree[t]! === 0) order.push(t);
    }
  }
  const sortedCount = order.length;
  const cycles = new Map<number, number[]>();
  if (sortedCount < n) {
    const placed = new Uint8Array(n);
    for (const i of order) placed[i] = 1;
    const rest: number[] = [];
    for (let i = 0; i < n; i++) if (!placed[i]) rest.push(i);
    for (const i of rest) order.push(i); // not a spread: `rest` may have 100k+ entries
    for (const scc of stronglyConnected(rest, outputs, placed)) {
      if (scc.length < 2) continue;
      scc.sort((a, b) => a - b);
      for (const i of scc) cycles.set(i, scc);
    }
  }
  return { nodes, index, inputs, outputs, order, sortedCount, cycles, problems };
}

/** Iterative Tarjan over the not-yet-placed nodes (recursion would overflow on long chains). */
function stronglyConnected(rest: number[], outputs: number[][], placed: Uint8Array): number[][] {
  const n = outputs.length;
  const idx = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  for (const root of rest) {
    if (idx[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    idx[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      const outs = outputs[v]!;
      if (i < outs.length) {
        frame[1]++;
        const w = outs[i]!;
        if (placed[w]) continue;
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, idx[w]!);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === idx[v]) {
        const scc: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          scc.push(w);
        } while (w !== v);
        result.push(scc);
      }
    }
  }
  return result;
}
