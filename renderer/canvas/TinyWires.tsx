/**
 * The wires while the cards are tiny (far zoomed out, see zoomLevel.ts): all of them as one SVG
 * path in flow coordinates, one screen pixel wide at any zoom. React Flow draws each wire as its
 * own SVG element; with the 564 wires of ResNet-152 expanded on screen at once, the browser's
 * compositing pass over those elements alone took tens of milliseconds per frame of a drag. Wires
 * cannot be clicked at that zoom anyway, so one path shows the same structure for a fraction.
 */
import { memo, useMemo, useState } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { roundedPath, type Route } from '../diagram/route.ts';
import type { ViewEdge } from '../diagram/view.ts';

// Per route: a drag changes a handful of routes per frame, the other paths are reused.
const paths = new WeakMap<Route, string>();

function pathOf(route: Route): string {
  let d = paths.get(route);
  if (d === undefined) paths.set(route, (d = roundedPath(route.points)));
  return d;
}

/**
 * All of `edges` as one path (`data-wires` is their count). While `dragging`, the wires that moved
 * since the drag began are a second path: the first one then stays the same string, so the browser
 * repaints only around the moving wires instead of the whole network every frame.
 */
export const TinyWires = memo(function TinyWires({
  edges,
  dragging,
}: {
  edges: readonly ViewEdge[];
  dragging: boolean;
}) {
  const [atStart, setAtStart] = useState<ReadonlyMap<string, ViewEdge> | null>(null);
  const [last, setLast] = useState(edges);
  // Adjusting state while rendering (React's pattern for "derive from the previous props"): the
  // wires as they were before the drag's first frame.
  if (last !== edges) {
    setLast(edges);
    if (dragging && !atStart) setAtStart(new Map(last.map((e) => [e.id, e])));
    if (!dragging && atStart) setAtStart(null);
  }
  const [still, moving] = useMemo(() => {
    if (!atStart) return [edges.map((e) => pathOf(e.route)).join(''), ''];
    let a = '';
    let b = '';
    for (const e of edges)
      if (atStart.get(e.id) === e) a += pathOf(e.route);
      else b += pathOf(e.route);
    return [a, b];
  }, [edges, atStart]);
  return (
    <ViewportPortal>
      <svg
        className={atStart ? 'tiny-wires is-dragging' : 'tiny-wires'}
        data-testid="tiny-wires"
        data-wires={edges.length}
        aria-hidden
      >
        <path d={still} />
        {moving && <path d={moving} />}
      </svg>
    </ViewportPortal>
  );
});
