/**
 * Turns the diagram view (document + analysis, folded stages, routed wires) into React Flow nodes
 * and edges. Objects are cached per id and reused while their inputs are unchanged, so React Flow
 * and the memoised cards skip untouched elements — this is what keeps 500-node graphs responsive.
 */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Stage } from '../../main/network/stages.ts';
import type {
  LayerGroup,
  NetworkAnalysis,
  NetworkNode,
  NodeAnalysis,
  Problem,
} from '../../main/network/types.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../graph/layout.ts';
import type { Direction } from '../diagram/route.ts';
import type { DiagramView, ViewEdge, ViewItem } from '../diagram/view.ts';

export type LayerNodeData = {
  node: NetworkNode;
  analysis: NodeAnalysis | undefined;
  group: LayerGroup | undefined;
  problems: readonly Problem[];
  /** Number of incoming edges (shown on merge layers). */
  inputs: number;
  /** Parameters relative to the largest layer, on a log scale (0–1): the compact card's bar. */
  size: number;
  direction: Direction;
};

export type StageNodeData = {
  stage: Stage;
  size: number;
  direction: Direction;
};

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;
export type StageFlowNode = Node<StageNodeData, 'stage'>;
export type DiagramFlowNode = LayerFlowNode | StageFlowNode;

/** A wire's label; its route is in the canvas's route store (routeStore.ts), not here. */
export type RoutedEdgeData = {
  label: string;
};
export type RoutedEdge = Edge<RoutedEdgeData, 'routed'>;

const HANDLE = 10;
const NO_PROBLEMS: readonly Problem[] = [];

function handles(direction: Direction): { inOut: NodeHandle[]; out: NodeHandle[] } {
  // Fixed card size and handle places: React Flow needs no DOM measuring pass, and wires attach
  // exactly where the layout and the router expect.
  const down = direction === 'down';
  const inOut: NodeHandle[] = [
    {
      type: 'target',
      position: down ? Position.Top : Position.Left,
      x: down ? NODE_WIDTH / 2 - HANDLE / 2 : -HANDLE / 2,
      y: down ? -HANDLE / 2 : NODE_HEIGHT / 2 - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    },
    {
      type: 'source',
      position: down ? Position.Bottom : Position.Right,
      x: down ? NODE_WIDTH / 2 - HANDLE / 2 : NODE_WIDTH - HANDLE / 2,
      y: down ? NODE_HEIGHT - HANDLE / 2 : NODE_HEIGHT / 2 - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    },
  ];
  return { inOut, out: inOut.filter((h) => h.type === 'source') };
}
const HANDLES = { down: handles('down'), right: handles('right') };

/** 0–1 on a log scale against the largest count (0 for none). */
export function sizeFraction(params: number, max: number): number {
  if (params <= 0 || max <= 0) return 0;
  return Math.max(0.04, Math.log10(1 + params) / Math.log10(1 + max));
}

/** Per-id memory of the last objects built, so unchanged ones keep their identity. */
export class FlowCache {
  private nodes = new Map<string, { flow: DiagramFlowNode; key: unknown[]; item: ViewItem }>();
  private edges = new Map<string, { flow: RoutedEdge; key: unknown[]; view: ViewEdge }>();
  /** The inputs of the last `buildNodes` other than the view: while they are the same (as
   * through a drag), a card whose view item is the same object is kept without comparing. */
  private context: unknown[] = [];
  private edgeList: RoutedEdge[] = [];

  /** The React Flow nodes of `view`. */
  buildNodes(
    view: DiagramView,
    analysis: NetworkAnalysis | null,
    problemsByNode: ReadonlyMap<string, readonly Problem[]>,
    groups: ReadonlyMap<string, LayerGroup>,
    selected: ReadonlySet<string>,
    inputs: ReadonlyMap<string, number>,
  ): DiagramFlowNode[] {
    const max = largest(view, analysis);
    const next = new Map<string, { flow: DiagramFlowNode; key: unknown[]; item: ViewItem }>();
    const { direction } = view;
    const context = [analysis, problemsByNode, groups, selected, inputs, max, direction];
    const sameContext = sameKey(context, this.context);
    this.context = context;
    const out = view.items.map((item) => {
      const old = this.nodes.get(item.id);
      if (old && sameContext && old.item === item) {
        next.set(item.id, old);
        return old.flow;
      }
      let key: unknown[];
      let make: () => DiagramFlowNode;
      if (item.kind === 'layer') {
        const { node } = item;
        const a = analysis?.nodes[node.id];
        const problems = problemsByNode.get(node.id) ?? NO_PROBLEMS;
        const group = groups.get(node.type);
        const isSelected = selected.has(node.id);
        const count = inputs.get(node.id) ?? 0;
        const size = a ? sizeFraction(a.trainableParams + a.nonTrainableParams, max) : 0;
        key = [node, a, problems, group, isSelected, count, size, direction];
        make = () => ({
          id: node.id,
          type: 'layer',
          position: node.position ?? { x: 0, y: 0 },
          data: { node, analysis: a, group, problems, inputs: count, size, direction },
          selected: isSelected,
          ...FIXED,
          handles: node.type === 'Input' ? HANDLES[direction].out : HANDLES[direction].inOut,
          ariaLabel: `${node.type} ${node.label ?? node.id}`,
        });
      } else {
        const { stage, box } = item;
        const t = stage.totals;
        const size = sizeFraction(t.trainableParams + t.nonTrainableParams, max);
        const isSelected = selected.has(item.id);
        key = [
          stage.name,
          stage.nodeIds.length,
          JSON.stringify(t),
          String(stage.outputShape),
          box.x,
          box.y,
          isSelected,
          size,
          direction,
        ];
        make = () => ({
          id: item.id,
          type: 'stage',
          position: { x: box.x, y: box.y },
          data: { stage, size, direction },
          selected: isSelected,
          ...FIXED,
          handles: HANDLES[direction].inOut,
          ariaLabel: `Folded stage ${stage.name}, ${stage.nodeIds.length} layers`,
        });
      }
      const flow = old && sameKey(old.key, key) ? old.flow : make();
      next.set(item.id, { flow, key, item });
      return flow;
    });
    this.nodes = next;
    return out;
  }

  /**
   * The React Flow edges of `view` (without their routes: see routeStore.ts). While no wire's
   * ends, label or selection change — as through a drag — this is the same array as last time.
   */
  buildEdges(view: DiagramView, selected: ReadonlySet<string>): RoutedEdge[] {
    const next = new Map<string, { flow: RoutedEdge; key: unknown[]; view: ViewEdge }>();
    const out = view.edges.map((e) => {
      const isSelected = selected.has(e.id);
      const old = this.edges.get(e.id);
      // The route cache hands back the same ViewEdge while a wire is unchanged.
      if (old && old.view === e && old.flow.selected === isSelected) {
        next.set(e.id, old);
        return old.flow;
      }
      const key = [e.source, e.target, e.label, isSelected, e.merge];
      const flow =
        old && sameKey(old.key, key)
          ? old.flow
          : ({
              id: e.id,
              source: e.source,
              target: e.target,
              type: 'routed',
              data: { label: e.label },
              selected: isSelected,
              className: e.merge ? 'edge-merge' : undefined,
            } satisfies RoutedEdge);
      next.set(e.id, { flow, key, view: e });
      return flow;
    });
    this.edges = next;
    const same = out.length === this.edgeList.length && out.every((e, i) => e === this.edgeList[i]);
    if (!same) this.edgeList = out;
    return this.edgeList;
  }
}

const FIXED = {
  width: NODE_WIDTH,
  height: NODE_HEIGHT,
  measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
};

/** The largest parameter count among the shown cards (a folded stage counts as its sum). */
function largest(view: DiagramView, analysis: NetworkAnalysis | null): number {
  let max = 0;
  for (const item of view.items) {
    if (item.kind === 'layer') {
      const a = analysis?.nodes[item.id];
      if (a) max = Math.max(max, a.trainableParams + a.nonTrainableParams);
    } else {
      max = Math.max(max, item.stage.totals.trainableParams + item.stage.totals.nonTrainableParams);
    }
  }
  return max;
}

function sameKey(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
