/**
 * The document being edited, with undo/redo (zundo) of finished edits only. Every durable edit is
 * `edit(fn)` with a pure function from `graph/ops.ts`; a node drag is not written here while in
 * progress (the canvas shows it) and arrives as one `commitMove` when it ends; typing in one field
 * is coalesced into one step.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import type { NetworkDoc, Position } from '../../main/network/types.ts';
import { moveNodes } from '../graph/ops.ts';

/** An empty network, the state before anything is loaded. */
export function emptyDoc(name = 'Untitled'): NetworkDoc {
  return { format: 'netdesigner.network', version: 1, name, nodes: [], edges: [] };
}

interface DocState {
  doc: NetworkDoc;
  /**
   * Counts `reset`s: it changes when another network is loaded (new, open, template, restore) and
   * never on an edit of the same one. State tied to one network (its training view) follows it.
   */
  loads: number;
  /** Applies an undoable edit. A `coalesce` key equal to the previous edit's merges them into one step. */
  edit: (fn: (doc: NetworkDoc) => NetworkDoc, coalesce?: string) => void;
  /** Replaces the whole document as one undoable step. */
  replace: (doc: NetworkDoc) => void;
  /** Replaces the document and forgets the history (new file, open file). */
  reset: (doc: NetworkDoc) => void;
  /**
   * A finished drag: moves the nodes as one undo step of its own (never merged with typing or
   * nudges); positions equal to the current ones add no step.
   */
  commitMove: (positions: ReadonlyMap<string, Position>) => void;
}

let lastCoalesce: string | undefined;

export const useDocStore = create<DocState>()(
  temporal(
    (set, get) => ({
      doc: emptyDoc(),
      loads: 0,
      edit: (fn, coalesce) => {
        const before = get().doc;
        const next = fn(before);
        if (next === before) return;
        const merge = coalesce !== undefined && coalesce === lastCoalesce;
        lastCoalesce = coalesce;
        if (merge) {
          // Same field still being typed in: update without a new history entry.
          const t = useDocStore.temporal.getState();
          t.pause();
          set({ doc: next });
          t.resume();
        } else {
          set({ doc: next });
        }
      },
      replace: (doc) => {
        lastCoalesce = undefined;
        set({ doc });
      },
      reset: (doc) => {
        lastCoalesce = undefined;
        set({ doc, loads: get().loads + 1 });
        useDocStore.temporal.getState().clear();
      },
      commitMove: (positions) => {
        const before = get().doc;
        const moved = [...positions].some(([id, p]) => {
          const n = before.nodes.find((x) => x.id === id);
          return n !== undefined && (n.position?.x !== p.x || n.position?.y !== p.y);
        });
        lastCoalesce = undefined;
        if (moved) set({ doc: moveNodes(before, positions) });
      },
    }),
    {
      partialize: (state) => ({ doc: state.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: 200,
    },
  ),
);

/** Ends the current typing run so the next keystroke starts a new undo step. */
export function endCoalesce(): void {
  lastCoalesce = undefined;
}

/** Undo one finished edit. */
export function undo(): void {
  lastCoalesce = undefined;
  useDocStore.temporal.getState().undo();
}

/** Redo one undone edit. */
export function redo(): void {
  lastCoalesce = undefined;
  useDocStore.temporal.getState().redo();
}
