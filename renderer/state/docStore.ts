/**
 * The document being edited, with undo/redo (zundo) of finished edits only. Every durable edit is
 * `edit(fn)` with a pure function from `graph/ops.ts`; node drags are paused while in progress and
 * recorded as one step when they end; typing in one field is coalesced into one step.
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
  /** Start of a node drag: positions change live without history until `endDrag`. */
  beginDrag: () => void;
  dragTo: (positions: ReadonlyMap<string, Position>) => void;
  endDrag: () => void;
}

let lastCoalesce: string | undefined;
let dragStart: NetworkDoc | null = null;

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
      beginDrag: () => {
        if (dragStart) return;
        dragStart = get().doc;
        useDocStore.temporal.getState().pause();
      },
      dragTo: (positions) => set({ doc: moveNodes(get().doc, positions) }),
      endDrag: () => {
        const start = dragStart;
        dragStart = null;
        const t = useDocStore.temporal.getState();
        if (!start) return;
        const end = get().doc;
        // Rewind to the pre-drag doc while paused, then record the whole drag as one step.
        set({ doc: start });
        t.resume();
        lastCoalesce = undefined;
        if (end !== start) set({ doc: end });
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
