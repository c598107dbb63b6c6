/**
 * What the diagram shows, in canvas units: the cards (one per layer, or one per folded stage) with
 * their boxes, and the wires between them with routes and labels. Pure; the canvas turns it into
 * React Flow nodes and edges, the export draws it as SVG, so the two always agree.
 */
import type {
  NetworkAnalysis,
  NetworkDoc,
  NetworkEdge,
  NetworkNode,
  NodeAnalysis,
} from '../../main/network/types.ts';
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

/**
 * How far a collapsed ResidualBlock's shortcut mark reaches beside its card: right of it top→bottom,
 * under it left→right, 1 unit from the card (LayerNode's ShortcutMark, canvas.css and svg.ts draw it
 * there).
 */
export const SHORTCUT_MARK = 26;

/** The area of the shortcut mark beside `card`, an obstacle for wires like a card. */
export function shortcutBox(card: Box, direction: Direction): Box {
  const id = `shortcut:${card.id}`;
  return direction === 'down'
    ? { id, x: card.x + card.w + 1, y: card.y, w: SHORTCUT_MARK, h: card.h }
    : { id, x: card.x, y: card.y + card.h + 1, w: card.w, h: SHORTCUT_MARK };
}

/** Width of a wire label in canvas units (10 px monospace, a little padding). */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.1) + 8;
}
export const LABEL_HEIGHT = 14;

// A drag rebuilds the view every frame from the same edges and analysis: edge ids and shape labels
// are remembered per (immutable) edge list and per-layer analysis instead of being made again.
const idsByEdges = new WeakMap<readonly NetworkEdge[], string[]>();
const labelOf = new WeakMap<NodeAnalysis, string>();

function idsOf(edges: readonly NetworkEdge[]): string[] {
  let ids = idsByEdges.get(edges);
  if (!ids) idsByEdges.set(edges, (ids = edgeIds(edges)));
  return ids;
}

/** The output shape of node `id` as a wire label ('' when unknown). */
function shapeLabel(analysis: NetworkAnalysis | null, id: string): string {
  const a = analysis?.nodes[id];
  if (!a) return '';
  let label = labelOf.get(a);
  if (label === undefined) {
    label = formatShape(a.outputShape);
    if (label === '?') label = '';
    labelOf.set(a, label);
  }
  return label;
}

// A layer's item depends on its node alone: while the node object is the same (every card but the
// dragged one, through a drag) so is its item, and everything built from it can be kept.
const layerItems = new WeakMap<NetworkNode, ViewItem>();

function boxAt(id: string, n: NetworkNode): Box {
  return { id, x: n.position?.x ?? 0, y: n.position?.y ?? 0, w: NODE_WIDTH, h: NODE_HEIGHT };
}

function layerItem(n: NetworkNode): ViewItem {
  let item = layerItems.get(n);
  if (!item) layerItems.set(n, (item = { kind: 'layer', id: n.id, node: n, box: boxAt(n.id, n) }));
  return item;
}

const parallelIn = new WeakMap<readonly NetworkEdge[], boolean>();

/** True when two edges join the same pair of nodes (their ids then carry `#2`, `#3` …). */
function hasParallel(edges: readonly NetworkEdge[], ids: readonly string[]): boolean {
  let has = parallelIn.get(edges);
  if (has === undefined) parallelIn.set(edges, (has = ids.some((id) => id.includes('#'))));
  return has;
}

const labelSize = (text: string) => (text ? { w: labelWidth(text), h: LABEL_HEIGHT } : null);

/**
 * The diagram of `doc`: folded stages (by `doc.layout.folded`, among `analysis.stages`) become one
 * box at their first layer's position; wires into or out of a folded stage attach to its box.
 */
export function buildView(
  doc: NetworkDoc,
  analysis: NetworkAnalysis | null,
  cache?: RouteCache,
): DiagramView {
  const { direction } = layoutSettings(doc);
  const stages = analysis?.stages ?? [];
  const groups = foldedGroups(doc, stages);
  const byName = new Map(stages.map((s) => [s.name, s]));
  const rep = new Map<string, string>();
  for (const g of groups) for (const id of g.nodeIds) rep.set(id, stageBoxId(g.name));
  const items: ViewItem[] = [];
  const firstOf = new Set(groups.map((g) => g.nodeIds[0]));
  for (const n of doc.nodes) {
    const boxId = rep.get(n.id);
    if (!boxId) items.push(layerItem(n));
    else if (firstOf.has(n.id)) {
      const stage = byName.get(boxId.slice('stage:'.length))!;
      items.push({ kind: 'stage', id: boxId, stage, box: boxAt(boxId, n) });
    }
  }
  const boxes = new Map(items.map((i) => [i.id, i.box]));
  // Wires keep clear of the cards and of the shortcut marks drawn beside collapsed blocks.
  const obstacles = items.map((i) => i.box);
  for (const i of items)
    if (i.kind === 'layer' && analysis?.nodes[i.id]?.shortcut)
      obstacles.push(shortcutBox(i.box, direction));
  // Built on first use: a drag that moves no wire's surroundings routes nothing.
  let built: ReturnType<typeof indexFor> | null = null;
  const index = () => (built ??= indexFor(obstacles, direction));
  cache?.begin(obstacles, direction);
  const ids = idsOf(doc.edges);
  const merge = new Set(
    doc.nodes.filter((n) => n.type === 'Add' || n.type === 'Concat').map((n) => n.id),
  );
  const order = new Map<string, number>();
  // Two doc edges become one wire when folding joins their ends, or when they are parallel.
  const dedupe = groups.length > 0 || hasParallel(doc.edges, ids);
  const seen = new Set<string>();
  const edges: ViewEdge[] = [];
  doc.edges.forEach((e, i) => {
    let label = shapeLabel(analysis, e.source);
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
    if (!from || !to || source === target) return;
    if (dedupe) {
      const pair = `${source}\0${target}`;
      if (seen.has(pair)) return;
      seen.add(pair);
    }
    const folded = source !== e.source || target !== e.target;
    const text = folded && isMerge && target !== e.target ? label.replace(/^#\d+ · /, '') : label;
    const id = ids[i]!;
    const merged = isMerge && target === e.target;
    const make = () => routeEdge(from, to, index(), direction, labelSize(text));
    edges.push(
      cache
        ? cache.edge(id, from, to, text, merged, make)
        : { id, source, target, label: text, merge: merged, route: make() },
    );
  });
  cache?.end();
  return { direction, items, edges };
}

interface CachedEdge {
  edge: ViewEdge;
  from: Box;
  to: Box;
  labelW: number;
  bbox: Box;
}

/**
 * Wires from the previous build, kept while nothing near them moved: a drag re-routes only the
 * wires of the moved cards and those whose path or label a moved card now touches (or left), so
 * dragging one layer of a 500-layer network routes a handful of wires per frame, not all of them.
 * A kept wire is the same `ViewEdge` object, so what is built from it can be kept too.
 */
export class RouteCache {
  private prevBoxes = new Map<string, Box>();
  private boxes = new Map<string, Box>();
  private routes = new Map<string, CachedEdge>();
  private next = new Map<string, CachedEdge>();
  /** Old and new rectangles of the cards that moved (or appeared, or went) since the last build. */
  private changed: Box[] = [];
  private direction: Direction | null = null;

  begin(boxes: readonly Box[], direction: Direction): void {
    this.boxes = new Map(boxes.map((b) => [b.id, b]));
    this.changed = [];
    if (direction !== this.direction) this.routes.clear();
    this.direction = direction;
    for (const b of boxes) {
      const old = this.prevBoxes.get(b.id);
      if (old === b) continue;
      if (!old || old.x !== b.x || old.y !== b.y) {
        this.changed.push(b);
        if (old) this.changed.push(old);
      }
    }
    for (const [id, old] of this.prevBoxes) if (!this.boxes.has(id)) this.changed.push(old);
    // Too much changed (a new layout): routing everything is as cheap as checking.
    if (this.changed.length > 64) this.routes.clear();
    this.next = new Map();
  }

  /** The wire `id` from `from` to `to`: the last build's while still valid, else `make()`'s route. */
  edge(id: string, from: Box, to: Box, label: string, merge: boolean, make: () => Route): ViewEdge {
    const old = this.routes.get(id);
    const labelW = label ? labelWidth(label) : 0;
    if (
      old &&
      old.labelW === labelW &&
      sameBox(old.from, from) &&
      sameBox(old.to, to) &&
      !this.changed.some((c) => c.id !== from.id && c.id !== to.id && overlaps(c, old.bbox))
    ) {
      const e = old.edge;
      const kept =
        e.label === label && e.merge === merge
          ? old
          : { ...old, edge: { ...e, source: from.id, target: to.id, label, merge } };
      this.next.set(id, kept);
      return kept.edge;
    }
    const route = make();
    const edge = { id, source: from.id, target: to.id, label, merge, route };
    this.next.set(id, { edge, from, to, labelW, bbox: bounds(route, labelSize(label)) });
    return edge;
  }

  end(): void {
    this.routes = this.next;
    this.prevBoxes = this.boxes;
  }
}

const sameBox = (a: Box, b: Box) =>
  a === b || (a.id === b.id && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h);
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

/** The area a route and its label cover, grown by the clearance the router keeps. */
function bounds(route: Route, label: { w: number; h: number } | null): Box {
  const xs = route.points.map((p) => p.x);
  const ys = route.points.map((p) => p.y);
  if (route.label && label) {
    xs.push(route.label.x - label.w / 2, route.label.x + label.w / 2);
    ys.push(route.label.y - label.h / 2, route.label.y + label.h / 2);
  }
  const m = 40;
  const x = Math.min(...xs) - m;
  const y = Math.min(...ys) - m;
  return { id: '', x, y, w: Math.max(...xs) + m - x, h: Math.max(...ys) + m - y };
}
