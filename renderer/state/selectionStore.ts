/**
 * Which nodes and edges are selected on the canvas. Not part of undo history, but always a subset
 * of the graph: every document change (undo, redo, load, delete) drops the ids of nodes and edges
 * that no longer exist, so no panel ever shows a selection of layers that are gone.
 */
import { create } from 'zustand';
import type { NetworkDoc } from '../../main/network/types.ts';
import { edgeIds } from '../graph/ids.ts';
import { useDocStore } from './docStore.ts';

const NONE: ReadonlySet<string> = new Set();

/** Folded stage boxes are selectable canvas elements that are not document nodes. */
const STAGE_PREFIX = 'stage:';

interface SelectionState {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Replaces the selection. */
  select: (nodes: Iterable<string>, edges?: Iterable<string>) => void;
  clear: () => void;
  /** Adds or removes single elements (from React Flow selection changes). */
  patch: (changes: { kind: 'node' | 'edge'; id: string; selected: boolean }[]) => void;
  /** Drops ids that are not in `doc` (keeps the same sets when nothing is dropped). */
  prune: (doc: NetworkDoc) => void;
}

/** `ids` without the ones `keep` rejects; the very same set when all are kept. */
function keepOnly(ids: ReadonlySet<string>, keep: (id: string) => boolean): ReadonlySet<string> {
  for (const id of ids) if (!keep(id)) return new Set([...ids].filter(keep));
  return ids;
}

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  nodes: NONE,
  edges: NONE,
  select: (nodes, edges = []) => {
    set({ nodes: new Set(nodes), edges: new Set(edges) });
    // A command may select before or after its edit: either way only existing ids stay.
    get().prune(useDocStore.getState().doc);
  },
  clear: () => {
    if (get().nodes.size > 0 || get().edges.size > 0) set({ nodes: NONE, edges: NONE });
  },
  patch: (changes) => {
    const nodes = new Set(get().nodes);
    const edges = new Set(get().edges);
    for (const c of changes) {
      const target = c.kind === 'node' ? nodes : edges;
      if (c.selected) target.add(c.id);
      else target.delete(c.id);
    }
    set({ nodes, edges });
    get().prune(useDocStore.getState().doc);
  },
  prune: (doc) => {
    const { nodes, edges } = get();
    if (nodes.size === 0 && edges.size === 0) return;
    const nodeIds = new Set(doc.nodes.map((n) => n.id));
    const wireIds = new Set(edgeIds(doc.edges));
    const keptNodes = keepOnly(nodes, (id) => nodeIds.has(id) || id.startsWith(STAGE_PREFIX));
    const keptEdges = keepOnly(edges, (id) => wireIds.has(id));
    if (keptNodes !== nodes || keptEdges !== edges) set({ nodes: keptNodes, edges: keptEdges });
  },
}));

// Synchronously with every document change, before anything renders the new document.
useDocStore.subscribe((state, prev) => {
  if (state.doc !== prev.doc) useSelectionStore.getState().prune(state.doc);
});
