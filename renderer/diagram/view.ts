/**
 * What the diagram shows, in canvas units: the cards (one per layer, or one per folded stage) with
 * their boxes, and the wires between them with routes and labels. Pure; the canvas turns it into
 * React Flow nodes and edges, the export draws it as SVG, so the two always agree.
 */
import type { NetworkAnalysis, NetworkDoc, NetworkNode } from '../../main/network/types.ts';
import type { Stage } from '../../main/network/stages.ts';
import { edgeIds } from '../graph/ids.ts';
import { formatShape } from '../graph/format.ts';
import { foldedGroups, layoutSettings, NODE_HEIGHT, NODE_WIDTH } from '../graph/layout.ts';
import { indexFor, routeEdge, type Box, type Direction, type Route } from './route.ts';

/** Box id of a folded stage. */
export const stageBoxId = (name: string): string => `stage:${name}`;

export type ViewItem =
  | { kind: 'layer'; id: string; node: NetworkNode; box: Box }
  | { kind: 'stage'; id: string; stage: Stage; box: Box };

export interface ViewEdge {
  /** Stable id: the doc edge's id, or the first one of several folded into this wire. */
  id: string;
  source: string;
  target: string;
  /** Tensor shape, with the input order at a merge (`#2 · 56×56×64`); '' when unknown. */
  label: string;
  merge: boolean;
  route: Route;
}

export interface DiagramView {
  direction: Direction;
  items: ViewItem[];
  edges: ViewEdge[];
}

/** Width of a wire label in canvas units (10 px monospace, a little padding). */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.1) + 8;
}
export const LABEL_HEIGHT = 14;

/**
 * The diagram of `doc`: folded stages (by `doc.layout.folded`, among `analysis.stages`) become one
 * box at their first layer's position; wires into or out of a folded stage attach to its box.
 */
export function buildView(doc: NetworkDoc, analysis: NetworkAnalysis | null): DiagramView {
  const { direction } = layoutSettings(doc);
  const stages = analysis?.stages ?? [];
  const groups = foldedGroups(doc, stages);
  const byName = new Map(stages.map((s) => [s.name, s]));
  const rep = new Map<string, string>();
  for (const g of groups) for (const id of g.nodeIds) rep.set(id, stageBoxId(g.name));
  const items: ViewItem[] = [];
  const at = (n: NetworkNode): Box => ({
    id: rep.get(n.id) ?? n.id,
    x: n.position?.x ?? 0,
    y: n.position?.y ?? 0,
    w: NODE_WIDTH,
    h: NODE_HEIGHT,
  });
  const firstOf = new Set(groups.map((g) => g.nodeIds[0]));
  for (const n of doc.nodes) {
    const boxId = rep.get(n.id);
    if (!boxId) items.push({ kind: 'layer', id: n.id, node: n, box: at(n) });
    else if (firstOf.has(n.id)) {
      const stage = byName.get(boxId.slice('stage:'.length))!;
      items.push({ kind: 'stage', id: boxId, stage, box: at(n) });
    }
  }
  const boxes = new Map(items.map((i) => [i.id, i.box]));
  const index = indexFor(
    items.map((i) => i.box),
    direction,
  );
  const ids = edgeIds(doc.edges);
  const merge = new Set(
    doc.nodes.filter((n) => n.type === 'Add' || n.type === 'Concat').map((n) => n.id),
  );
  const order = new Map<string, number>();
  const seen = new Set<string>();
  const edges: ViewEdge[] = [];
  doc.edges.forEach((e, i) => {
    let label = formatShape(analysis?.nodes[e.source]?.outputShape ?? null);
    if (label === '?') label = '';
    const isMerge = merge.has(e.target);
    if (isMerge) {
      const n = (order.get(e.target) ?? 0) + 1;
      order.set(e.target, n);
      label = label ? `#${n} · ${label}` : `#${n}`;
    }
    const source = rep.get(e.source) ?? e.source;
    const target = rep.get(e.target) ?? e.target;
    const from = boxes.get(source);
    const to = boxes.get(target);
    if (!from || !to || source === target || seen.has(`${source}\0${target}`)) return;
    seen.add(`${source}\0${target}`);
    const folded = source !== e.source || target !== e.target;
    const text = folded && isMerge && target !== e.target ? label.replace(/^#\d+ · /, '') : label;
    const route = routeEdge(
      from,
      to,
      index,
      direction,
      text ? { w: labelWidth(text), h: LABEL_HEIGHT } : null,
    );
    edges.push({
      id: ids[i]!,
      source,
      target,
      label: text,
      merge: isMerge && target === e.target,
      route,
    });
  });
  return { direction, items, edges };
}
