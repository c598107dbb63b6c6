/**
 * Edge routing for the diagram: orthogonal wires that go around cards instead of through them,
 * with a label place that never covers a card. Pure geometry, shared by the canvas and the SVG
 * export so both draw the same wires.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Direction = 'down' | 'right';

export interface Route {
  points: Point[];
  /** Centre of the label, or null when no place along the wire is clear of the cards. */
  label: Point | null;
}

/** How far a wire leaves a card before it turns, and its distance from cards it passes. */
const STUB = 18;
const CLEAR = 14;
const CELL = 256;

/** A uniform grid over the boxes, for "which boxes touch this rectangle" in near-constant time. */
export class BoxIndex {
  private cells = new Map<number, Box[]>();
  // A query marks the boxes it has seen with its own stamp instead of building a Set.
  private seen: Map<Box, number> = new Map();
  private stamp = 0;

  constructor(readonly boxes: readonly Box[]) {
    for (const b of boxes) {
      for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.w) / CELL); cx++)
        for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.h) / CELL); cy++) {
          const key = cellKey(cx, cy);
          const list = this.cells.get(key);
          if (list) list.push(b);
          else this.cells.set(key, [b]);
        }
    }
  }

  /** Boxes overlapping the rectangle (x0,y0)–(x1,y1) grown by `margin`, except those in `skip`. */
  hits(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    margin: number,
    skip: ReadonlySet<string>,
  ): Box[] {
    const ax = Math.min(x0, x1) - margin;
    const bx = Math.max(x0, x1) + margin;
    const ay = Math.min(y0, y1) - margin;
    const by = Math.max(y0, y1) + margin;
    const stamp = ++this.stamp;
    const out: Box[] = [];
    for (let cx = Math.floor(ax / CELL); cx <= Math.floor(bx / CELL); cx++)
      for (let cy = Math.floor(ay / CELL); cy <= Math.floor(by / CELL); cy++) {
        const list = this.cells.get(cellKey(cx, cy));
        if (!list) continue;
        for (const b of list) {
          if (this.seen.get(b) === stamp) continue;
          this.seen.set(b, stamp);
          if (!skip.has(b.id) && b.x < bx && b.x + b.w > ax && b.y < by && b.y + b.h > ay)
            out.push(b);
        }
      }
    return out;
  }
}

/** One number per grid cell (canvases stay far inside ±2^20 cells). */
const cellKey = (cx: number, cy: number): number => (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);

// Routing is written for top→bottom; left→right swaps the axes on the way in and out.
const swapBox = (b: Box): Box => ({ id: b.id, x: b.y, y: b.x, w: b.h, h: b.w });
const swapPoint = (p: Point): Point => ({ x: p.y, y: p.x });

/** An index in the routing frame of `direction` (axes swapped for left→right). */
export function indexFor(boxes: readonly Box[], direction: Direction): BoxIndex {
  return new BoxIndex(direction === 'down' ? boxes : boxes.map(swapBox));
}

/**
 * The wire from `from`'s output side to `to`'s input side: straight or one step when that path is
 * clear, else along a lane beside the cards in between. `index` must be `indexFor(all boxes,
 * direction)`; `labelSize` is the label's width and height on screen axes.
 */
export function routeEdge(
  from: Box,
  to: Box,
  index: BoxIndex,
  direction: Direction,
  labelSize: { w: number; h: number } | null,
): Route {
  const down = direction === 'down';
  const a = down ? from : swapBox(from);
  const b = down ? to : swapBox(to);
  const label = labelSize && (down ? labelSize : { w: labelSize.h, h: labelSize.w });
  const r = routeDown(a, b, index, label);
  return down ? r : { points: r.points.map(swapPoint), label: r.label ? swapPoint(r.label) : null };
}

function segmentClear(p: Point, q: Point, index: BoxIndex, skip: ReadonlySet<string>): boolean {
  return index.hits(p.x, p.y, q.x, q.y, CLEAR / 2, skip).length === 0;
}

function pathClear(points: Point[], index: BoxIndex, ends: ReadonlySet<string>): boolean {
  // The first and last segments touch their own cards: only other cards count there.
  for (let i = 0; i + 1 < points.length; i++)
    if (!segmentClear(points[i]!, points[i + 1]!, index, ends)) return false;
  return true;
}

/** The first x from `start`, moving by `step`'s sign, where a vertical line y0–y1 hits no card. */
function lane(
  start: number,
  sign: 1 | -1,
  y0: number,
  y1: number,
  index: BoxIndex,
  skip: ReadonlySet<string>,
): number {
  let x = start;
  for (let guard = 0; guard < 200; guard++) {
    const hits = index.hits(x, y0, x, y1, CLEAR, skip);
    if (hits.length === 0) return x;
    x =
      sign > 0
        ? Math.max(...hits.map((h) => h.x + h.w)) + CLEAR + 1
        : Math.min(...hits.map((h) => h.x)) - CLEAR - 1;
  }
  return x;
}

function length(points: Point[]): number {
  let s = 0;
  for (let i = 0; i + 1 < points.length; i++)
    s += Math.abs(points[i + 1]!.x - points[i]!.x) + Math.abs(points[i + 1]!.y - points[i]!.y);
  return s;
}

function routeDown(
  from: Box,
  to: Box,
  index: BoxIndex,
  label: { w: number; h: number } | null,
): Route {
  const ends = new Set([from.id, to.id]);
  const s = { x: from.x + from.w / 2, y: from.y + from.h };
  const t = { x: to.x + to.w / 2, y: to.y };
  let points: Point[] | null = null;
  if (t.y - s.y >= 2 * STUB) {
    // A step turning just above the target (a straight line when the centres align).
    const m = t.y - STUB;
    const step = Math.abs(s.x - t.x) < 1 ? [s, t] : [s, { x: s.x, y: m }, { x: t.x, y: m }, t];
    if (pathClear(step, index, ends)) points = step;
  }
  if (!points) {
    const y1 = s.y + STUB;
    const y2 = t.y - STUB;
    const candidates = ([1, -1] as const).map((sign) => {
      const x = lane(s.x, sign, Math.min(y1, y2), Math.max(y1, y2), index, ends);
      return [s, { x: s.x, y: y1 }, { x, y: y1 }, { x, y: y2 }, { x: t.x, y: y2 }, t];
    });
    points = candidates.reduce((best, c) => (length(c) < length(best) ? c : best));
  }
  points = simplify(points);
  return { points, label: label ? labelPlace(points, label, index) : null };
}

/** Drops repeated and collinear points. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
    const prev = out[out.length - 2];
    if (
      prev &&
      last &&
      ((Math.abs(prev.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5) ||
        (Math.abs(prev.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/**
 * Where the label goes: the middle of a segment (longest first) where the label's box touches no
 * card at all, its own two included, so it can never cover card text.
 */
function labelPlace(
  points: Point[],
  size: { w: number; h: number },
  index: BoxIndex,
): Point | null {
  const segs = points
    .slice(0, -1)
    .map((p, i) => [p, points[i + 1]!] as const)
    .sort((u, v) => length([v[0], v[1]]) - length([u[0], u[1]]));
  const none = new Set<string>();
  for (const [p, q] of segs) {
    for (const f of [0.5, 0.3, 0.7]) {
      const c = { x: p.x + (q.x - p.x) * f, y: p.y + (q.y - p.y) * f };
      const hit = index.hits(
        c.x - size.w / 2,
        c.y - size.h / 2,
        c.x + size.w / 2,
        c.y + size.h / 2,
        2,
        none,
      );
      if (hit.length === 0) return c;
    }
  }
  return null;
}

/** An SVG path through `points` with rounded corners of radius up to `r`. */
export function roundedPath(points: readonly Point[], r = 8): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(points[0]!.x)} ${f(points[0]!.y)}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const prev = points[i - 1]!;
    const next = points[i + 1];
    if (!next) {
      d += `L${f(p.x)} ${f(p.y)}`;
      break;
    }
    const r1 = Math.min(
      r,
      Math.hypot(p.x - prev.x, p.y - prev.y) / 2,
      Math.hypot(next.x - p.x, next.y - p.y) / 2,
    );
    const ux = Math.sign(p.x - prev.x);
    const uy = Math.sign(p.y - prev.y);
    const vx = Math.sign(next.x - p.x);
    const vy = Math.sign(next.y - p.y);
    d += `L${f(p.x - ux * r1)} ${f(p.y - uy * r1)}Q${f(p.x)} ${f(p.y)} ${f(p.x + vx * r1)} ${f(p.y + vy * r1)}`;
  }
  return d;
}
