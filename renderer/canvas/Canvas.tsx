/**
 * The editing canvas: React Flow over the document store. Nodes and edges are derived from the doc,
 * its analysis and the selection; every change React Flow reports is turned into a store edit. A
 * drag in progress lives only here (positions laid over the doc) and reaches the document once,
 * when it ends: the panels, the selection and the undo history never see its frames.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type ReactFlowState,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
  type Viewport,
} from '@xyflow/react';
import type { LayerGroup, NetworkNode, Position } from '../../main/network/types.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../graph/layout.ts';
import { connect, connectionProblem, moveNodes, replacedInput } from '../graph/ops.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { addLayer } from '../state/commands.ts';
import { useDocStore } from '../state/docStore.ts';
import { useSelectionStore } from '../state/selectionStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import { useResolvedTheme } from '../app/useTheme.ts';
import { buildView, RouteCache, stageBoxId } from '../diagram/view.ts';
import { canvasHint } from './canvasHint.ts';
import { LayerNode } from './LayerNode.tsx';
import { NodeMenu, type NodeMenuState } from './NodeMenu.tsx';
import { RoutedEdge as RoutedEdgeView } from './RoutedEdge.tsx';
import { RouteStore, RouteStoreContext } from './routeStore.ts';
import { StageNode } from './StageNode.tsx';
import { DotGrid } from './DotGrid.tsx';
import { TinyWires } from './TinyWires.tsx';
import { FlowCache, type DiagramFlowNode, type RoutedEdge } from './toFlow.ts';
import { READABLE_COMPACT_ZOOM, useZoomLevelFromStore, ZoomLevelContext } from './zoomLevel.ts';
import { revealViewport } from './reveal.ts';
import { registerViewport } from './viewportBridge.ts';
import { PALETTE_MIME } from '../palette/dnd.ts';
import './canvas.css';

const NODE_TYPES = { layer: LayerNode, stage: StageNode };
const EDGE_TYPES = { routed: RoutedEdgeView };
const isStage = (id: string) => id.startsWith('stage:');
const SNAP: [number, number] = [10, 10];
// Props React Flow copies into its store: each must keep its identity across renders, or every
// edge and node wrapper subscribed to it re-renders on every frame of a drag.
const DEFAULT_EDGE_OPTIONS = { type: 'routed' } as const;
const PRO_OPTIONS = { hideAttribution: true };
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
const NO_EDGES: RoutedEdge[] = [];

/** Big graphs render only what is on screen; small ones render everything (smoother panning). */
const VIRTUALISE_ABOVE = 150;

/**
 * Below this zoom even compact cards are unreadable; a freshly opened network that would need less
 * shows its start instead (a template fits whole: it is wrapped into screen-shaped columns).
 */
const READABLE_ZOOM = READABLE_COMPACT_ZOOM;

/**
 * The view of a freshly opened network: its top at the top of the canvas, centred horizontally,
 * zoomed to fit when that stays readable (never above 100 %), else at a readable zoom so the
 * user scrolls down a tall network like a document.
 */
function startViewport(
  nodes: readonly NetworkNode[],
  width: number,
  height: number,
): Viewport | null {
  const placed = nodes.flatMap((n) => (n.position ? [n.position] : []));
  if (placed.length === 0) return null;
  // Loops, not Math.min(...spread): 100k+ arguments overflow the call stack.
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of placed) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x + NODE_WIDTH);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y + NODE_HEIGHT);
  }
  const fit = Math.min((width * 0.9) / (maxX - minX), (height - 48) / (maxY - minY));
  const zoom = Math.min(1, Math.max(READABLE_ZOOM, Math.min(fit, (width * 0.9) / (maxX - minX))));
  return { x: width / 2 - ((minX + maxX) / 2) * zoom, y: 24 - minY * zoom, zoom };
}

/**
 * A folded stage's box is its first layer's position: moving the box moves every layer of the
 * stage by the same amount (so unfolding keeps their arrangement).
 */
function moveStage(id: string, to: Position, moves: Map<string, Position>): void {
  // The doc keeps the pre-drag positions while a drag is in progress: offsets are from there.
  const d = useDocStore.getState().doc;
  const stage = useAnalysisStore
    .getState()
    .analysis?.stages?.find((s) => stageBoxId(s.name) === id);
  const first = stage && d.nodes.find((n) => n.id === stage.nodeIds[0]);
  if (!stage || !first?.position) return;
  const dx = to.x - first.position.x;
  const dy = to.y - first.position.y;
  const members = new Set(stage.nodeIds);
  for (const n of d.nodes)
    if (members.has(n.id) && n.position)
      moves.set(n.id, { x: n.position.x + dx, y: n.position.y + dy });
}

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boundsOf(boxes: readonly { x: number; y: number; w: number; h: number }[]): Bounds | null {
  if (boxes.length === 0) return null;
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const r of boxes) {
    b.x0 = Math.min(b.x0, r.x);
    b.y0 = Math.min(b.y0, r.y);
    b.x1 = Math.max(b.x1, r.x + r.w);
    b.y1 = Math.max(b.y1, r.y + r.h);
  }
  return b;
}

/** True when every card is inside the visible canvas. */
function inView(s: ReactFlowState, b: Bounds): boolean {
  const [tx, ty, zoom] = s.transform;
  return (
    b.x0 * zoom + tx >= 0 &&
    b.y0 * zoom + ty >= 0 &&
    b.x1 * zoom + tx <= s.width &&
    b.y1 * zoom + ty <= s.height
  );
}

export function Canvas() {
  const doc = useDocStore((s) => s.doc);
  const analysis = useAnalysisStore((s) => s.analysis);
  const problemsByNode = useAnalysisStore((s) => s.problemsByNode);
  const catalogByType = useAnalysisStore((s) => s.catalogByType);
  const selectedNodes = useSelectionStore((s) => s.nodes);
  const selectedEdges = useSelectionStore((s) => s.edges);
  const fitSeq = useUiStore((s) => s.fitSeq);
  const centerOn = useUiStore((s) => s.centerOn);
  const theme = useResolvedTheme();
  const flow = useReactFlow<DiagramFlowNode, RoutedEdge>();
  // Per-canvas memory of built nodes/edges (see FlowCache); lives as long as the canvas.
  const [cache] = useState(() => new FlowCache());
  const wrapper = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => {
    const m = new Map<string, LayerGroup>();
    for (const [type, info] of catalogByType) m.set(type, info.group);
    return m;
  }, [catalogByType]);

  // Positions of the cards being dragged, until the drag ends (then they are in the doc).
  const [dragged, setDragged] = useState<ReadonlyMap<string, Position> | null>(null);
  const draggedRef = useRef<ReadonlyMap<string, Position> | null>(null);
  const shown = useMemo(() => (dragged ? moveNodes(doc, dragged) : doc), [doc, dragged]);

  const [routes] = useState(() => new RouteCache());
  const view = useMemo(() => buildView(shown, analysis, routes), [shown, analysis, routes]);
  const inputs = useMemo(() => {
    const m = new Map<string, number>();
    for (const e of doc.edges) m.set(e.target, (m.get(e.target) ?? 0) + 1);
    return m;
  }, [doc.edges]);
  const hint = canvasHint(doc);
  const nodes = useMemo(
    () => cache.buildNodes(view, analysis, problemsByNode, groups, selectedNodes, inputs),
    [cache, view, analysis, problemsByNode, groups, selectedNodes, inputs],
  );
  const edges = useMemo(() => cache.buildEdges(view, selectedEdges), [cache, view, selectedEdges]);
  // Routes go to the wires through their own store (see routeStore.ts), before React Flow's
  // passive effect hands it new edges, so a new wire finds its route on its first render.
  const [routeStore] = useState(() => new RouteStore());
  const zoomLevel = useZoomLevelFromStore();
  useLayoutEffect(() => {
    routeStore.set(new Map(view.edges.map((e) => [e.id, e.route])));
  }, [routeStore, view]);
  // The minimap only earns its corner when part of the network is out of view.
  const bounds = useMemo(() => boundsOf(view.items.map((i) => i.box)), [view]);
  const allInView = useStore(
    useCallback((s: ReactFlowState) => bounds === null || inView(s, bounds), [bounds]),
  );

  useEffect(() => {
    registerViewport({
      centre: () => {
        const r = wrapper.current?.getBoundingClientRect();
        if (!r) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      },
      toFlow: (p) => flow.screenToFlowPosition(p),
      zoomBy: (direction) => void (direction > 0 ? flow.zoomIn() : flow.zoomOut()),
      reveal: (at) => {
        const r = wrapper.current?.getBoundingClientRect();
        if (!r) return;
        const size = { width: NODE_WIDTH, height: NODE_HEIGHT };
        const next = revealViewport(flow.getViewport(), r.width, r.height, at, size);
        if (next) void flow.setViewport(next, { duration: 200 });
      },
    });
    return () => registerViewport(null);
  }, [flow]);

  // Fit after the nodes of a newly loaded network are in React Flow's store (next frame).
  useEffect(() => {
    if (fitSeq === 0) return;
    const id = requestAnimationFrame(() => {
      const box = wrapper.current?.getBoundingClientRect();
      const mode = useUiStore.getState().fitMode;
      const start = box
        ? startViewport(useDocStore.getState().doc.nodes, box.width, box.height)
        : null;
      if (mode === 'start' && start) void flow.setViewport(start);
      else void flow.fitView({ padding: 0.12, maxZoom: 1.2, duration: 0 });
    });
    return () => cancelAnimationFrame(id);
  }, [fitSeq, flow]);

  useEffect(() => {
    if (!centerOn) return;
    const node = useDocStore.getState().doc.nodes.find((n) => n.id === centerOn.id);
    if (!node?.position) return;
    const zoom = Math.max(flow.getZoom(), 0.9);
    void flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
      zoom,
      duration: 250,
    });
  }, [centerOn, flow]);

  /** Ends a drag in progress: its positions become one undoable move of the document. */
  const finishDrag = useCallback((last?: ReadonlyMap<string, Position>) => {
    const moves = new Map(draggedRef.current ?? []);
    for (const [id, p] of last ?? []) moves.set(id, p);
    draggedRef.current = null;
    // Both in the same batch: the cards never flash back to where the drag started.
    useDocStore.getState().commitMove(moves);
    setDragged(null);
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramFlowNode>[]) => {
      const moves = new Map<string, Position>();
      const selection: { kind: 'node'; id: string; selected: boolean }[] = [];
      let dragging = false;
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          if (isStage(c.id)) moveStage(c.id, c.position, moves);
          else moves.set(c.id, c.position);
          dragging ||= c.dragging === true;
        } else if (c.type === 'select') {
          selection.push({ kind: 'node', id: c.id, selected: c.selected });
        }
        // 'dimensions' are ignored: cards have a fixed size; 'remove' never comes (we delete ourselves).
      }
      if (selection.length > 0) useSelectionStore.getState().patch(selection);
      if (moves.size === 0) return;
      if (dragging) {
        const next = new Map(draggedRef.current ?? []);
        for (const [id, p] of moves) next.set(id, p);
        draggedRef.current = next;
        setDragged(next);
      } else if (draggedRef.current) {
        // The final report of a drag (pointer released).
        finishDrag(moves);
      } else {
        // Keyboard nudges (arrow keys): one undo step per burst.
        useDocStore.getState().edit((d) => moveNodes(d, moves), 'nudge');
      }
    },
    [finishDrag],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selection = changes.flatMap((c) =>
      c.type === 'select' ? [{ kind: 'edge' as const, id: c.id, selected: c.selected }] : [],
    );
    if (selection.length > 0) useSelectionStore.getState().patch(selection);
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      const maxInputs =
        catalogByType.get(
          useDocStore.getState().doc.nodes.find((n) => n.id === c.target)?.type ?? '',
        )?.maxInputs ?? 1;
      const replaced = replacedInput(useDocStore.getState().doc, c.source, c.target, maxInputs);
      useDocStore.getState().edit((d) => connect(d, c.source, c.target, maxInputs));
      // Never silently: the old wire is gone, so say which one, and how to get it back.
      if (replaced)
        useUiStore
          .getState()
          .notify(
            `${c.target} takes one input: its wire from ${replaced} was replaced by the one from ${c.source} (Ctrl+Z puts it back; use Add or Concat to merge both).`,
          );
    },
    [catalogByType],
  );

  const isValidConnection: IsValidConnection<RoutedEdge> = useCallback(
    (c) =>
      !isStage(c.source) &&
      !isStage(c.target) &&
      connectionProblem(useDocStore.getState().doc, c.source, c.target) === null,
    [],
  );

  // A wire dropped on a layer it cannot feed: say why instead of silently doing nothing.
  const onConnectEnd: OnConnectEnd = useCallback((_event, state) => {
    if (state.isValid !== false || !state.fromNode || !state.toNode) return;
    const [source, target] =
      state.fromHandle?.type === 'target'
        ? [state.toNode.id, state.fromNode.id]
        : [state.fromNode.id, state.toNode.id];
    const why = connectionProblem(useDocStore.getState().doc, source, target);
    if (why) useUiStore.getState().notify(why, 'error');
  }, []);

  const onDragStop = useCallback(() => {
    if (draggedRef.current) finishDrag();
  }, [finishDrag]);

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addLayer(type, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) });
    },
    [flow],
  );

  const [menu, setMenu] = useState<NodeMenuState | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onNodeContextMenu = useCallback((e: React.MouseEvent, n: DiagramFlowNode) => {
    e.preventDefault();
    if (isStage(n.id)) return;
    const box = wrapper.current?.getBoundingClientRect();
    // The menu acts on the selection; right-clicking outside it selects just that layer.
    if (!useSelectionStore.getState().nodes.has(n.id)) useSelectionStore.getState().select([n.id]);
    setMenu({ nodeId: n.id, x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) });
  }, []);

  const minimapColor = useCallback(
    (n: DiagramFlowNode) =>
      `var(--group-${n.type === 'layer' ? (n.data.group ?? 'Blocks') : 'Blocks'})`,
    [],
  );

  return (
    <div
      className="canvas"
      ref={wrapper}
      onDragOver={onDragOver}
      onDrop={onDrop}
      aria-label="Network canvas"
    >
      <ZoomLevelContext.Provider value={zoomLevel}>
        <RouteStoreContext.Provider value={routeStore}>
          <ReactFlow<DiagramFlowNode, RoutedEdge>
            nodes={nodes}
            // Tiny cards: the wires are drawn as one path by TinyWires instead.
            edges={zoomLevel === 'tiny' ? NO_EDGES : edges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            onNodeContextMenu={onNodeContextMenu}
            onPaneClick={closeMenu}
            onMoveStart={closeMenu}
            isValidConnection={isValidConnection}
            onNodeDragStop={onDragStop}
            onSelectionDragStop={onDragStop}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            snapToGrid
            snapGrid={SNAP}
            minZoom={0.05}
            maxZoom={2.5}
            colorMode={theme}
            onlyRenderVisibleElements={nodes.length > VIRTUALISE_ABOVE}
            defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
            proOptions={PRO_OPTIONS}
            elevateEdgesOnSelect
          >
            <DotGrid gap={20} size={1.2} />
            {zoomLevel === 'tiny' && <TinyWires edges={view.edges} dragging={dragged !== null} />}
            {!allInView && (
              <MiniMap<DiagramFlowNode>
                pannable
                zoomable
                nodeColor={minimapColor}
                nodeStrokeWidth={0}
                ariaLabel="Mini map"
                style={{ width: 150, height: 110 }}
              />
            )}
            <Controls showInteractive={false} aria-label="Zoom controls" />
          </ReactFlow>
        </RouteStoreContext.Provider>
      </ZoomLevelContext.Provider>
      {menu && <NodeMenu menu={menu} onClose={closeMenu} />}
      {hint && (
        <div className={doc.nodes.length === 0 ? 'canvas__empty' : 'canvas__hint'} role="note">
          <p data-testid="canvas-hint">{hint}</p>
        </div>
      )}
    </div>
  );
}
