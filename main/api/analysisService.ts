/**
 * The host's analysis of the designs it is sent, kept between calls so an edit costs what it
 * changes: each analysis reuses the per-node results of the version it edits, or else of the
 * newest one (`analyzeNetworkFrom`, equal to a from-scratch analysis), and the last few analyses
 * are kept by version so a caller that holds one gets only what changed since (`AnalysisUpdate`).
 *
 * One per API instance, shared by every window or socket of the host. Versions are numbered for
 * the whole host (from a random start), so whichever caller holds version v holds exactly that
 * analysis.
 */
import { analyzeNetworkFrom, type AnalysisMemo } from '../network/analyze.ts';
import { computeStages } from '../network/stages.ts';
import { networkDocSchema } from '../network/schema.ts';
import type { NetworkAnalysis, NetworkDoc } from '../network/types.ts';
import { applyDocEdit, diffAnalysis, type AnalysisUpdate, type DocEdit } from './analysisUpdate.ts';

/** How many recent analyses are kept to diff against (a few windows, a few edits in flight). */
export const KEPT_VERSIONS = 8;

export interface AnalysisService {
  /** The analysis of `doc` with its stages (what `networkAnalyze` returns). */
  analyze(doc: NetworkDoc): NetworkAnalysis;
  /**
   * The analysis of `doc` (or of the document `edit` describes) as a change to version `since`,
   * or whole when that is not kept; `stale` when the edit's base document is not kept.
   * `edit` must have passed `requestSchemas.networkAnalyzeUpdate` (the API dispatcher checks every
   * request), which checks its nodes and edges; the rest is checked here.
   * @throws ZodError when the document an edit describes is not a valid document.
   */
  update(req: { doc?: NetworkDoc; edit?: DocEdit; since?: number }): AnalysisUpdate;
}

/** A new service with no memory yet. */
export function createAnalysisService(): AnalysisService {
  // A random start: a renderer still holding versions of a host that was restarted must not find
  // them reused for other analyses (2^48 leaves ample room below 2^53 to count up).
  let nextVersion = Math.floor(Math.random() * 2 ** 48);
  /**
   * Recent analyses, the documents they are of and what each remembered of its nodes, by version
   * (oldest first). Each version keeps its own memory, so an edit reuses the analysis of the
   * version it edits even when other analyses came in between (a compare, another window).
   */
  const kept = new Map<
    number,
    { analysis: NetworkAnalysis; doc: NetworkDoc; memo: AnalysisMemo }
  >();

  /** The newest kept version's memory (what a design not edited from a kept one starts from). */
  function newestMemo(): AnalysisMemo | null {
    let memo: AnalysisMemo | null = null;
    for (const entry of kept.values()) memo = entry.memo;
    return memo;
  }

  function analyzeFrom(doc: NetworkDoc, memo: AnalysisMemo | null) {
    const result = analyzeNetworkFrom(doc, memo);
    // The stages ride along so the canvas can fold them without a second round trip.
    const analysis = { ...result.analysis, stages: computeStages(doc, result.analysis) };
    return { analysis, memo: result.memo };
  }

  return {
    analyze: (doc) => analyzeFrom(doc, newestMemo()).analysis,
    update({ doc: whole, edit, since }) {
      let doc = whole;
      if (!doc && edit) {
        const base = kept.get(edit.base)?.doc;
        const rebuilt = base && applyDocEdit(base, edit);
        if (!rebuilt) return { kind: 'stale' };
        // Checked as a document sent whole would be, without parsing 500 unchanged nodes again: the
        // edit's nodes and edges passed the request schema (requestSchemas.networkAnalyzeUpdate,
        // the same item schemas and caps), the base's items passed when it was kept, and the
        // document schema has no rule across items, so checking the head checks the whole. Unchanged
        // nodes stay the base's objects, which lets the analysis reuse them by identity.
        const head = networkDocSchema.parse({ ...rebuilt, nodes: [], edges: [] });
        doc = { ...head, nodes: rebuilt.nodes, edges: rebuilt.edges };
      }
      if (!doc) return { kind: 'stale' };
      const edited = edit?.base ?? since;
      const from = (edited === undefined ? undefined : kept.get(edited)?.memo) ?? newestMemo();
      const { analysis, memo } = analyzeFrom(doc, from);
      const version = nextVersion++;
      const held = since === undefined ? undefined : kept.get(since)?.analysis;
      kept.set(version, { analysis, doc, memo });
      for (const old of kept.keys()) {
        if (kept.size <= KEPT_VERSIONS) break;
        kept.delete(old);
      }
      return diffAnalysis(
        held && since !== undefined ? { version: since, analysis: held } : null,
        analysis,
        version,
      );
    },
  };
}
