/**
 * Keeps the analysis in step with the document: after each structural edit (not a mere move) it
 * asks the host once the current burst of edits is done (a microtask, so several edits made in
 * one event coalesce without waiting a frame) and applies only the newest answer.
 */
import type { NetworkDoc } from '../../main/network/types.ts';
import { api } from '../api/client.ts';
import { useAnalysisStore } from './analysisStore.ts';
import { useDocStore } from './docStore.ts';
import { errorMessage } from '../api/errors.ts';

/** True when two docs differ at most in node positions, labels or the name (no re-analysis needed). */
export function sameStructure(a: NetworkDoc, b: NetworkDoc): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i += 1) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (!x || !y || x.id !== y.id || x.type !== y.type || x.params !== y.params) return false;
  }
  return true;
}

let requested = 0;
let applied = 0;
let scheduled = false;

/** Requests an analysis of the current doc once the current task's edits are done. */
export function scheduleAnalysis(): void {
  if (scheduled) return;
  scheduled = true;
  useAnalysisStore.getState().setPending(true);
  queueMicrotask(() => {
    scheduled = false;
    void analyseNow();
  });
}

/** Analyses the current doc; resolves once the answer (or a newer one) has been applied. */
export async function analyseNow(): Promise<void> {
  const seq = ++requested;
  const doc = useDocStore.getState().doc;
  const store = useAnalysisStore.getState();
  store.setPending(true);
  try {
    const analysis = await api.networkAnalyze({ doc });
    // An older request answering late must not overwrite a newer analysis.
    if (seq <= applied) return;
    applied = seq;
    store.setAnalysis(analysis);
  } catch (err) {
    if (seq >= requested) store.setHostError(errorMessage(err));
  } finally {
    if (seq >= requested) store.setPending(false);
  }
}

/** Starts following the document store; returns the unsubscribe function. */
export function startAnalysisSync(): () => void {
  scheduleAnalysis();
  return useDocStore.subscribe((state, prev) => {
    if (!sameStructure(state.doc, prev.doc)) scheduleAnalysis();
  });
}
