/**
 * What the engine says about the current document: the layer catalog and the latest analysis
 * (shapes, counts, problems). Derived data only — recomputed by the host after each structural
 * edit, never stored in the document.
 */
import { create } from 'zustand';
import { sameValue } from '../../main/api/analysisUpdate.ts';
import type {
  LayerInfo,
  NetworkAnalysis,
  NodeAnalysis,
  Problem,
} from '../../main/network/types.ts';

const NO_PROBLEMS: readonly Problem[] = [];

interface AnalysisState {
  catalog: readonly LayerInfo[];
  catalogByType: ReadonlyMap<string, LayerInfo>;
  analysis: NetworkAnalysis | null;
  /** Problems per node id (same array object while a node's problems do not change). */
  problemsByNode: ReadonlyMap<string, readonly Problem[]>;
  /** Set when the host could not be reached or failed; shown in the status area. */
  hostError: string | null;
  /** True while an analysis of a newer doc is on its way. */
  pending: boolean;
  setPending: (pending: boolean) => void;
  setCatalog: (catalog: readonly LayerInfo[]) => void;
  setAnalysis: (analysis: NetworkAnalysis) => void;
  setHostError: (message: string | null) => void;
}

export const useAnalysisStore = create<AnalysisState>()((set, get) => ({
  catalog: [],
  catalogByType: new Map(),
  analysis: null,
  problemsByNode: new Map(),
  hostError: null,
  pending: false,
  setPending: (pending) => {
    if (get().pending !== pending) set({ pending });
  },
  setCatalog: (catalog) =>
    set({ catalog, catalogByType: new Map(catalog.map((l) => [l.type, l])) }),
  setAnalysis: (next) => {
    const prev = get();
    set({
      analysis: stabilise(prev.analysis, next),
      // A delta that leaves the problems alone hands back the same array.
      problemsByNode:
        next.problems === prev.analysis?.problems
          ? prev.problemsByNode
          : groupProblems(next.problems, prev.problemsByNode),
      hostError: null,
    });
  },
  setHostError: (hostError) => set({ hostError }),
}));

/**
 * Reuses the previous per-node objects that did not change, so memoised node cards of untouched
 * layers do not re-render after an edit elsewhere (matters on 500-node graphs). The result is
 * keyed by node id with no prototype: ids like `__proto__` or `toString` are ordinary keys, and a
 * lookup of an id the analysis lacks is `undefined`, never an `Object.prototype` member.
 */
function stabilise(prev: NetworkAnalysis | null, next: NetworkAnalysis): NetworkAnalysis {
  const nodes = Object.create(null) as Record<string, NodeAnalysis>;
  for (const [id, n] of Object.entries(next.nodes)) {
    const old = prev && Object.hasOwn(prev.nodes, id) ? prev.nodes[id] : undefined;
    // Identical after a delta (the common case); compared by value after a full reply.
    nodes[id] = old && (old === n || sameValue(old, n)) ? old : n;
  }
  return { ...next, nodes };
}

function groupProblems(
  problems: readonly Problem[],
  prev: ReadonlyMap<string, readonly Problem[]>,
): Map<string, readonly Problem[]> {
  const grouped = new Map<string, Problem[]>();
  for (const p of problems) {
    if (!p.nodeId) continue;
    const list = grouped.get(p.nodeId);
    if (list) list.push(p);
    else grouped.set(p.nodeId, [p]);
  }
  const out = new Map<string, readonly Problem[]>();
  for (const [id, list] of grouped) {
    const old = prev.get(id);
    out.set(id, old && sameValue(old, list) ? old : list);
  }
  return out;
}

/** Problems of one node (a shared empty array when none). */
export function useNodeProblems(id: string): readonly Problem[] {
  return useAnalysisStore((s) => s.problemsByNode.get(id) ?? NO_PROBLEMS);
}
