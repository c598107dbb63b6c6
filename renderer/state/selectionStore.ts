/** Which nodes and edges are selected on the canvas. Not part of undo history. */
import { create } from 'zustand';

const NONE: ReadonlySet<string> = new Set();

interface SelectionState {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Replaces the selection. */
  select: (nodes: Iterable<string>, edges?: Iterable<string>) => void;
  clear: () => void;
  /** Adds or removes single elements (from React Flow selection changes). */
  patch: (changes: { kind: 'node' | 'edge'; id: string; selected: boolean }[]) => void;
}

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  nodes: NONE,
  edges: NONE,
  select: (nodes, edges = []) => set({ nodes: new Set(nodes), edges: new Set(edges) }),
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
  },
}));
