import { describe, expect, it } from 'vitest';
import type { NetworkDoc } from '../../main/network/types.ts';
import { stubAnalysis } from '../testing/analysisStub.ts';
import { moveNodes } from '../graph/ops.ts';
import type { Box, Point } from './route.ts';
import { buildView, RouteCache, shortcutBox } from './view.ts';

/** True when the axis-aligned segment p–q passes through the inside of box b. */
function crosses(p: Point, q: Point, b: Box): boolean {
  const [x0, x1] = [Math.min(p.x, q.x), Math.max(p.x, q.x)];
  const [y0, y1] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
  return x0 < b.x + b.w && x1 > b.x && y0 < b.y + b.h && y1 > b.y;
}

const crossesBox = (points: Point[], b: Box) =>
  points.slice(1).some((q, i) => crosses(points[i]!, q, b));

// A collapsed residual block between two layers, and a wire that skips it (a detour either side).
const doc: NetworkDoc = {
  format: 'netdesigner.network',
  version: 1,
  name: 'Skip',
  nodes: [
    { id: 'in', type: 'Input', params: { shape: [8, 8, 4] }, position: { x: 0, y: 0 } },
    { id: 'rb', type: 'ResidualBlock', params: {}, position: { x: 0, y: 124 } },
    { id: 'cat', type: 'Concat', params: {}, position: { x: 0, y: 248 } },
  ],
  edges: [
    { source: 'in', target: 'rb' },
    { source: 'rb', target: 'cat' },
    { source: 'in', target: 'cat' },
  ],
};

function analysisWithShortcut() {
  const a = stubAnalysis({ in: [8, 8, 4], rb: [8, 8, 4], cat: [8, 8, 8] });
  a.nodes.rb = { ...a.nodes.rb!, shortcut: 'identity' };
  return a;
}

describe('diagram view', () => {
  it("routes a wire around a collapsed block's shortcut mark, not through it", () => {
    for (const direction of ['down', 'right'] as const) {
      const d: NetworkDoc = { ...doc, layout: { direction } };
      const placed =
        direction === 'down'
          ? d
          : moveNodes(
              d,
              new Map(d.nodes.map((n) => [n.id, { x: n.position!.y * 2, y: n.position!.x }])),
            );
      const view = buildView(placed, analysisWithShortcut());
      const skip = view.edges.find((e) => e.id === 'in->cat')!;
      const rb = view.items.find((i) => i.id === 'rb')!.box;
      expect(crossesBox(skip.route.points, rb)).toBe(false);
      expect(crossesBox(skip.route.points, shortcutBox(rb, direction))).toBe(false);
    }
  });

  it('keeps the wires a drag does not touch as the same objects', () => {
    const routes = new RouteCache();
    const analysis = analysisWithShortcut();
    const before = buildView(doc, analysis, routes);
    const after = buildView(
      moveNodes(doc, new Map([['cat', { x: 400, y: 248 }]])),
      analysis,
      routes,
    );
    const byId = (v: typeof before, id: string) => v.edges.find((e) => e.id === id);
    expect(byId(after, 'in->rb')).toBe(byId(before, 'in->rb'));
    expect(byId(after, 'rb->cat')).not.toBe(byId(before, 'rb->cat'));
    expect(byId(after, 'rb->cat')?.route.points.at(-1)).toEqual({ x: 500, y: 248 });
  });
});
