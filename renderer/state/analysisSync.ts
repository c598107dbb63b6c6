/**
 * Keeps the analysis in step with the document: after each structural edit (not a mere move) it
 * asks the host once the current burst of edits is done (a microtask, so several edits made in
 * one event coalesce without waiting a frame) and applies only the newest answer. Each request
 * names the version of the analysis on screen, and the host sends only what changed since (a few
 * per-node analyses after an edit of one layer); unchanged per-node analyses stay the same objects,
 * so only the cards whose numbers changed re-render.
 */
import {
  analysisUpdateSchema,
  applyAnalysisUpdate,
  docEdit,
} from '../../main/api/analysisUpdate.ts';
import type { NetworkAnalysis, NetworkDoc } from '../../main/network/types.ts';
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

/** How many recent analyses are kept by version, so a late delta can still apply to its base. */
const HELD = 4;
/** The analyses received and the documents they are of, by the host's version (newest last). */
const held = new Map<number, { analysis: NetworkAnalysis; doc: NetworkDoc }>();
/** The version of the analysis on screen (what the next request names as `since`). */
let shown: number | undefined;

/** The request sent at once for the first edit of the current task (see `scheduleAnalysis`). */
let sentThisTask: { seq: number; doc: NetworkDoc } | null = null;
/** Replies to requests up to this one are dropped: a later edit of the same task replaced them. */
let superseded = 0;

/**
 * Requests an analysis of the current doc. The first edit of a task is sent at once — before
 * React re-renders the canvas for it, which on a 500-layer network would hold the request back by
 * tens of milliseconds — and any further edit of the same task is sent once the task's edits are
 * done (a microtask), replacing the first request's answer.
 */
export function scheduleAnalysis(): void {
  if (scheduled) return;
  scheduled = true;
  useAnalysisStore.getState().setPending(true);
  const doc = useDocStore.getState().doc;
  sentThisTask = { seq: requested + 1, doc };
  void analyseNow();
  queueMicrotask(() => {
    const sent = sentThisTask;
    scheduled = false;
    sentThisTask = null;
    const now = useDocStore.getState().doc;
    if (sent && !sameStructure(sent.doc, now)) {
      superseded = sent.seq;
      void analyseNow();
    }
  });
}

/**
 * Analyses the current doc; resolves once the answer (or a newer one) has been applied. The host
 * answers with what changed since the analysis on screen (`networkAnalyzeUpdate`); the reply is
 * checked on arrival and, should it not fit what is held here, asked for again whole.
 */
export async function analyseNow(): Promise<void> {
  const seq = ++requested;
  const doc = useDocStore.getState().doc;
  const store = useAnalysisStore.getState();
  store.setPending(true);
  try {
    let analysis = await requestUpdate(doc, shown);
    if (analysis === null) analysis = await requestUpdate(doc, undefined);
    // An older request answering late must not overwrite a newer analysis.
    if (seq <= applied || seq <= superseded || analysis === null) return;
    applied = seq;
    store.setAnalysis(analysis.analysis);
    // What the store shows (its per-node objects) is what the next delta applies to.
    const onScreen = useAnalysisStore.getState().analysis;
    if (onScreen) hold(analysis.version, onScreen, doc);
    shown = analysis.version;
  } catch (err) {
    if (seq >= requested) store.setHostError(errorMessage(err));
  } finally {
    if (seq >= requested) store.setPending(false);
  }
}

/**
 * One round trip; null when the reply is a delta to a version no longer held here. The document
 * goes as an edit of the one on screen's when that is held (a few nodes instead of all of them),
 * and whole when not, or when the host no longer has that document.
 */
async function requestUpdate(
  doc: NetworkDoc,
  since: number | undefined,
): Promise<{ version: number; analysis: NetworkAnalysis } | null> {
  const base = since === undefined ? undefined : held.get(since);
  const edit = base && since !== undefined ? docEdit(base.doc, doc, since) : null;
  let reply = await api.networkAnalyzeUpdate(edit ? { edit, since } : { doc, since });
  if (edit && isStale(reply)) reply = await api.networkAnalyzeUpdate({ doc, since });
  const parsed = analysisUpdateSchema.safeParse(reply);
  if (!parsed.success) {
    throw new Error(
      `The host's analysis reply is malformed (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}).`,
    );
  }
  const update = parsed.data;
  if (update.kind === 'stale')
    throw new Error('The host asked again for a document it was sent whole.');
  const from = update.kind === 'delta' ? held.get(update.base) : undefined;
  const analysis = applyAnalysisUpdate(
    from && update.kind === 'delta' ? { version: update.base, analysis: from.analysis } : null,
    update,
  );
  return analysis && { version: update.version, analysis };
}

function isStale(reply: unknown): boolean {
  return (
    typeof reply === 'object' && reply !== null && (reply as { kind?: unknown }).kind === 'stale'
  );
}

function hold(version: number, analysis: NetworkAnalysis, doc: NetworkDoc): void {
  held.set(version, { analysis, doc });
  for (const v of held.keys()) {
    if (held.size <= HELD) break;
    held.delete(v);
  }
}

/** Starts following the document store; returns the unsubscribe function. */
export function startAnalysisSync(): () => void {
  scheduleAnalysis();
  return useDocStore.subscribe((state, prev) => {
    if (!sameStructure(state.doc, prev.doc)) scheduleAnalysis();
  });
}
