/**
 * Turns the document plus its analysis into React Flow nodes and edges. Objects are cached per id
 * and reused while their inputs are unchanged, so React Flow and the memoised cards skip untouched
 * elements — this is what keeps 500-node graphs responsive.
 */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type {
  LayerGroup,
  NetworkAnalysis,
  NetworkDoc,
  NetworkNode,
  NodeAnalysis,
  Problem,
} from '../../main/network/types.ts';
import { edgeIds } from '../graph/ids.ts';
import { formatShape } from '../graph/format.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../graph/layout.ts';

export type LayerNodeData = {
  node: NetworkNode;
  analysis: NodeAnalysis | undefined;
  group: LayerGroup | undefined;
  problems: readonly Problem[];
  /** Number of incoming edges (shown on merge layers). */
  inputs: number;
};

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

const HANDLE = 10;
const NO_PROBLEMS: readonly Problem[] = [];

// Fixed card size and handle places: React Flow needs no DOM measuring pass, and edges attach
// exactly where the dagre layout expects.
const HANDLES_IN_OUT: NodeHandle[] = [
  {
    type: 'target',
    position: Position.Top,
    x: NODE_WIDTH / 2 - HANDLE / 2,
    y: -HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    type: 'source',
    position: Position.Bottom,
    x: NODE_WIDTH / 2 - HANDLE / 2,
    y: NODE_HEIGHT - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];
const HANDLES_OUT: NodeHandle[] = HANDLES_IN_OUT.filter((h) => h.type === 'source');

/** Per-id memory of the last objects built, so unchanged ones keep their identity. */
export class FlowCache {
  private nodes = new Map<string, { flow: LayerFlowNode; key: unknown[] }>();
  private edges = new Map<string, { flow: Edge; key: unknown[] }>();

  /** The React Flow nodes of `doc`. */
  buildNodes(
    doc: NetworkDoc,
    analysis: NetworkAnalysis | null,
    problemsByNode: ReadonlyMap<string, readonly Problem[]>,
    groups: ReadonlyMap<string, LayerGroup>,
    selected: ReadonlySet<string>,
  ): LayerFlowNode[] {
    const inputs = new Map<string, number>();
    for (const e of doc.edges) inputs.set(e.target, (inputs.get(e.target) ?? 0) + 1);
    const next = new Map<string, { flow: LayerFlowNode; key: unknown[] }>();
    const out = doc.nodes.map((node) => {
      const a = analysis?.nodes[node.id];
      const problems = problemsByNode.get(node.id) ?? NO_PROBLEMS;
      const group = groups.get(node.type);
      const isSelected = selected.has(node.id);
      const count = inputs.get(node.id) ?? 0;
      const key = [node, a, problems, group, isSelected, count];
      const old = this.nodes.get(node.id);
      const flow =
        old && sameKey(old.key, key)
          ? old.flow
          : makeNode(node, a, problems, group, isSelected, count);
      next.set(node.id, { flow, key });
      return flow;
    });
    this.nodes = next;
    return out;
  }

  /** The React Flow edges of `doc`, labelled with the tensor shape (and input order at merges). */
  buildEdges(
    doc: NetworkDoc,
    analysis: NetworkAnalysis | null,
    selected: ReadonlySet<string>,
  ): Edge[] {
    const ids = edgeIds(doc.edges);
    const merge = new Set(
      doc.nodes.filter((n) => n.type === 'Add' || n.type === 'Concat').map((n) => n.id),
    );
    const order = new Map<string, number>();
    const next = new Map<string, { flow: Edge; key: unknown[] }>();
    const out = doc.edges.map((e, i) => {
      const id = ids[i] as string;
      let label = formatShape(analysis?.nodes[e.source]?.outputShape ?? null);
      if (label === '?') label = '';
      if (merge.has(e.target)) {
        const n = (order.get(e.target) ?? 0) + 1;
        order.set(e.target, n);
        label = label ? `#${n} · ${label}` : `#${n}`;
      }
      const isSelected = selected.has(id);
      const key = [e.source, e.target, label, isSelected];
      const old = this.edges.get(id);
      const flow =
        old && sameKey(old.key, key)
          ? old.flow
          : ({
              id,
              source: e.source,
              target: e.target,
              type: 'smoothstep',
              label: label || undefined,
              selected: isSelected,
              className: merge.has(e.target) ? 'edge-merge' : undefined,
            } satisfies Edge);
      next.set(id, { flow, key });
      return flow;
    });
    this.edges = next;
    return out;
  }
}

function makeNode(
  node: NetworkNode,
  analysis: NodeAnalysis | undefined,
  problems: readonly Problem[],
  group: LayerGroup | undefined,
  selected: boolean,
  inputs: number,
): LayerFlowNode {
  return {
    id: node.id,
    type: 'layer',
    position: node.position ?? { x: 0, y: 0 },
    data: { node, analysis, group, problems, inputs },
    selected,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
    handles: node.type === 'Input' ? HANDLES_OUT : HANDLES_IN_OUT,
    ariaLabel: `${node.type} ${node.label ?? node.id}`,
  };
}

function sameKey(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
