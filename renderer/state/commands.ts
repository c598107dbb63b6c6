/**
 * Editing commands shared by the toolbar, the shortcuts, the palette and the panels. Each one is a
 * single undoable edit of the document built from the pure functions in `graph/`.
 */
import type { DiagramLayout, NetworkDoc, Position, QuickFix } from '../../main/network/types.ts';
import { api } from '../api/client.ts';
import { bypassOf, deleteAndReconnect } from '../graph/bypass.ts';
import { applyFix } from '../graph/fixes.ts';
import { edgeIds } from '../graph/ids.ts';
import {
  foldedGroups,
  layoutDoc,
  NODE_HEIGHT,
  NODE_WIDTH,
  type FoldGroup,
} from '../graph/layout.ts';
import { freeSpot } from '../graph/placement.ts';
import {
  addNode,
  copyFragment,
  insertAfter,
  pasteFragment,
  removeElements,
  ROW_GAP,
  type Fragment,
} from '../graph/ops.ts';
import { viewport } from '../canvas/viewportBridge.ts';
import { starterParams } from '../../main/network/catalog/registry.ts';
import { useAnalysisStore } from './analysisStore.ts';
import { useDocStore } from './docStore.ts';
import { askConfirm } from './promptStore.ts';
import { useSelectionStore } from './selectionStore.ts';
import { useUiStore } from './uiStore.ts';
import { errorMessage } from '../api/errors.ts';

let clipboard: Fragment | null = null;
let pasteCount = 0;

const doc = (): NetworkDoc => useDocStore.getState().doc;
const edit = (fn: (d: NetworkDoc) => NetworkDoc) => useDocStore.getState().edit(fn);

/**
 * Adds a layer. With a `position` (drop) it goes there; otherwise right after the one selected
 * node (spliced into its wire when it feeds a single layer), or at the centre of the view — moved
 * aside when another card is already there.
 */
export function addLayer(type: string, position?: Position): void {
  const params = starterParams(type);
  const selected = useSelectionStore.getState().nodes;
  const after = !position && selected.size === 1 ? [...selected][0] : undefined;
  const afterNode = after ? doc().nodes.find((n) => n.id === after) : undefined;
  let at = position;
  if (!at && afterNode?.position)
    at = { x: afterNode.position.x, y: afterNode.position.y + ROW_GAP };
  if (!at) {
    const c = viewport()?.centre() ?? { x: 0, y: 0 };
    at = { x: c.x - NODE_WIDTH / 2, y: c.y - NODE_HEIGHT / 2 };
  }
  // A click-to-add (no drop point) never hides the new card under an existing one.
  const where = position ?? freeSpot(doc(), at);
  let created: string[] = [];
  edit((d) => {
    // Click-to-add with one layer selected continues the chain from it, spliced into its wire.
    const feeds = afterNode ? d.edges.filter((e) => e.source === afterNode.id).length : 0;
    const r =
      !position && afterNode && type !== 'Input' && feeds === 1
        ? insertAfter(d, type, params, afterNode.id)
        : addNode(d, type, params, where, type === 'Input' ? undefined : afterNode?.id);
    created = r.ids;
    return r.doc;
  });
  useSelectionStore.getState().select(created);
  if (!position) revealCreated(created);
}

/** Pans the canvas to the first created node when it landed out of sight. */
function revealCreated(ids: readonly string[]): void {
  const at = ids.length > 0 ? doc().nodes.find((n) => n.id === ids[0])?.position : undefined;
  if (at) viewport()?.reveal(at);
}

/**
 * Deletes the selected nodes and edges. One layer with one input and one output is deleted with
 * its neighbours reconnected when the host finds the reconnected wire valid; otherwise the user
 * is asked whether to reconnect anyway (see `deleteLayer`).
 */
export function deleteSelection(): void {
  const { nodes, edges } = useSelectionStore.getState();
  if (nodes.size === 0 && edges.size === 0) return;
  if (nodes.size === 1 && edges.size === 0) {
    void deleteLayer([...nodes][0]!);
    return;
  }
  edit((d) => removeElements(d, nodes, edges));
  useSelectionStore.getState().clear();
}

/**
 * Deletes layer `id`; between two layers it reconnects them: by default when the wire fits (the
 * host reports no error on the downstream layer), after asking when it does not.
 */
export async function deleteLayer(id: string): Promise<void> {
  const before = doc();
  const bypass = bypassOf(before, id);
  const plain = () => {
    edit((d) => removeElements(d, new Set([id]), new Set()));
    useSelectionStore.getState().clear();
  };
  if (!bypass) return plain();
  const reconnected = deleteAndReconnect(before, id, bypass);
  let fits = false;
  let why = '';
  try {
    const analysis = await api.networkAnalyze({ doc: reconnected });
    const problem = analysis.problems.find(
      (p) => p.severity === 'error' && p.nodeId === bypass.target,
    );
    fits = !problem;
    why = problem?.message ?? '';
  } catch {
    // No verdict from the host: ask rather than guess.
  }
  // The document may have changed while the host answered; then the user decides on the new one.
  if (doc() !== before) return;
  const wire = `${bypass.source} → ${bypass.target}`;
  if (!fits) {
    const ok = await askConfirm({
      title: 'Reconnect the neighbours?',
      message: `Deleting '${id}' leaves ${bypass.source} and ${bypass.target} apart. Connected directly, the shapes do not fit${why ? `: ${why}` : ''}. Connect ${wire} anyway?`,
      confirmLabel: 'Delete and reconnect',
      cancelLabel: 'Delete only',
    });
    if (doc() !== before) return;
    if (!ok) return plain();
  }
  edit(() => deleteAndReconnect(before, id, bypass));
  useSelectionStore.getState().clear();
  if (fits)
    useUiStore
      .getState()
      .notify(`Deleted '${id}' and reconnected ${wire} (undo to keep them apart).`);
}

/** Copies the selected nodes (and the edges between them). */
export function copySelection(): void {
  const ids = useSelectionStore.getState().nodes;
  if (ids.size === 0) return;
  clipboard = copyFragment(doc(), ids);
  pasteCount = 0;
}

/**
 * How far the n-th paste of the same copy lands from the copied cards: half a card right and down
 * per paste, so the copy never hides the original and repeated pastes cascade, each card's head
 * in sight.
 */
export function pasteOffset(n: number): Position {
  return { x: (NODE_WIDTH / 2 + 20) * n, y: (NODE_HEIGHT / 2 + 20) * n };
}

/** Pastes the clipboard, one step further along the cascade each time, and selects the pasted nodes. */
export function paste(): void {
  if (!clipboard || clipboard.nodes.length === 0) return;
  pasteCount += 1;
  pasteIn(clipboard, pasteOffset(pasteCount));
}

/** Duplicates the selected nodes without touching the clipboard. */
export function duplicateSelection(): void {
  const ids = useSelectionStore.getState().nodes;
  if (ids.size === 0) return;
  pasteIn(copyFragment(doc(), ids), pasteOffset(1));
}

function pasteIn(fragment: Fragment, offset: Position): void {
  let created: string[] = [];
  edit((d) => {
    const r = pasteFragment(d, fragment, offset);
    created = r.ids;
    return r.doc;
  });
  useSelectionStore.getState().select(created);
}

/** Selects every node and edge. */
export function selectAll(): void {
  const d = doc();
  useSelectionStore.getState().select(
    d.nodes.map((n) => n.id),
    edgeIds(d.edges),
  );
}

/** The folded stages of `d`, from the latest analysis (each laid out as one box). */
function foldGroupsOf(d: NetworkDoc): FoldGroup[] {
  return foldedGroups(d, useAnalysisStore.getState().analysis?.stages ?? []);
}

/** Lays the whole network out again (undoable) and fits it. */
export function autoLayout(): void {
  edit((d) => layoutDoc(d, 'all', foldGroupsOf(d)));
  useUiStore.getState().requestFit();
}

/** Changes the diagram settings kept in the file, lays the network out again and fits it. */
export function setDiagramLayout(change: DiagramLayout): void {
  edit((d) => {
    const next = { ...d, layout: { ...d.layout, ...change } };
    return layoutDoc(next, 'all', foldGroupsOf(next));
  });
  useUiStore.getState().requestFit();
}

/** Folds (or unfolds) one stage into a single labelled box, and lays the network out again. */
export function setStageFolded(name: string, folded: boolean): void {
  const current = new Set(doc().layout?.folded ?? []);
  if (folded) current.add(name);
  else current.delete(name);
  setDiagramLayout({ folded: [...current] });
}

/** Folds every stage of two or more layers (`true`), or unfolds them all. */
export function foldAllStages(folded: boolean): void {
  const stages = useAnalysisStore.getState().analysis?.stages ?? [];
  setDiagramLayout({
    folded: folded ? stages.filter((s) => s.nodeIds.length > 1).map((s) => s.name) : [],
  });
}

/** Applies a problem's quick fix as one undoable edit and selects what it inserted. */
export function applyQuickFix(fix: QuickFix): void {
  let created: string[] = [];
  edit((d) => {
    const r = applyFix(d, fix);
    created = r.ids;
    return r.doc;
  });
  useSelectionStore.getState().select(created.length > 0 ? created : [fix.nodeId]);
  revealCreated(created);
}

/** Expands one composite block into primitive nodes in place (undoable). */
export async function expandNode(nodeId: string): Promise<void> {
  try {
    const expanded = await api.networkExpandNode({ doc: doc(), nodeId });
    // The block's inner nodes have no positions; a fresh layered layout keeps the flow readable.
    useDocStore.getState().replace(layoutDoc(expanded, 'all', foldGroupsOf(expanded)));
    useSelectionStore.getState().clear();
  } catch (err) {
    useUiStore.getState().notify(`Could not expand ${nodeId}: ${errorMessage(err)}`, 'error');
  }
}

/** Expands every composite block (one undoable step) and lays the result out. */
export async function expandAll(): Promise<void> {
  try {
    // One round trip for every block (one by one, a 50-block ResNet took seconds).
    let d = await api.networkExpandAll({ doc: doc() });
    // Expanding everything is asking to see every layer: folded stages open too.
    if (d.layout?.folded?.length) d = { ...d, layout: { ...d.layout, folded: [] } };
    useDocStore.getState().replace(layoutDoc(d, 'all'));
    useSelectionStore.getState().clear();
    useUiStore.getState().requestFit('start');
  } catch (err) {
    useUiStore.getState().notify(`Could not expand the blocks: ${errorMessage(err)}`, 'error');
  }
}
