import { describe, expect, it } from 'vitest';
import { indexFor, routeEdge, type Box, type Point } from './route.ts';

const card = (id: string, x: number, y: number): Box => ({ id, x, y, w: 200, h: 84 });

/** True when the axis-aligned segment p–q passes through the inside of box b. */
function crosses(p: Point, q: Point, b: Box): boolean {
  const x0 = Math.min(p.x, q.x);
  const x1 = Math.max(p.x, q.x);
  const y0 = Math.min(p.y, q.y);
  const y1 = Math.max(p.y, q.y);
  return x0 < b.x + b.w && x1 > b.x && y0 < b.y + b.h && y1 > b.y;
}

function crossesAny(points: Point[], boxes: Box[]): string[] {
  const hit = new Set<string>();
  for (let i = 0; i + 1 < points.length; i++)
    for (const b of boxes) if (crosses(points[i]!, points[i + 1]!, b)) hit.add(b.id);
  return [...hit];
}

describe('edge routing', () => {
  // A column of five cards: a shortcut from the first to the last skips three.
  const column = [0, 1, 2, 3, 4].map((i) => card(`n${i}`, 0, i * 124));
  const label = { w: 60, h: 14 };

  it('draws a wire between neighbours straight down, its label in the gap', () => {
    const r = routeEdge(column[0]!, column[1]!, indexFor(column, 'down'), 'down', label);
    expect(r.points).toEqual([
      { x: 100, y: 84 },
      { x: 100, y: 124 },
    ]);
    expect(r.label).not.toBeNull();
    const l = r.label!;
    for (const b of column)
      expect(crosses({ x: l.x - 30, y: l.y - 7 }, { x: l.x + 30, y: l.y + 7 }, b)).toBe(false);
  });

  it('routes a shortcut around the cards it skips, never through them', () => {
    const r = routeEdge(column[0]!, column[4]!, indexFor(column, 'down'), 'down', label);
    expect(crossesAny(r.points, column.slice(1, 4))).toEqual([]);
    expect(r.points[0]).toEqual({ x: 100, y: 84 });
    expect(r.points[r.points.length - 1]).toEqual({ x: 100, y: 496 });
  });

  it('keeps a label off every card, or leaves it out', () => {
    const crowded = [card('a', 0, 0), card('b', 0, 90), card('c', 210, 40)];
    const r = routeEdge(crowded[0]!, crowded[1]!, indexFor(crowded, 'down'), 'down', label);
    expect(r.label).toBeNull();
  });

  it('routes left to right the same way, turned', () => {
    const row = [0, 1, 2, 3].map((i) => card(`r${i}`, i * 260, 0));
    const r = routeEdge(row[0]!, row[3]!, indexFor(row, 'right'), 'right', label);
    expect(crossesAny(r.points, row.slice(1, 3))).toEqual([]);
    expect(r.points[0]).toEqual({ x: 200, y: 42 });
    expect(r.points[r.points.length - 1]).toEqual({ x: 780, y: 42 });
  });

  it('takes a wire from the end of one wrapped column to the top of the next around both', () => {
    const col2 = [0, 1, 2].map((i) => card(`m${i}`, 400, i * 124));
    const boxes = [...column, ...col2];
    const r = routeEdge(column[4]!, col2[0]!, indexFor(boxes, 'down'), 'down', label);
    expect(
      crossesAny(
        r.points,
        boxes.filter((b) => b.id !== 'n4' && b.id !== 'm0'),
      ),
    ).toEqual([]);
    expect(r.points[r.points.length - 1]).toEqual({ x: 500, y: 0 });
  });
});
