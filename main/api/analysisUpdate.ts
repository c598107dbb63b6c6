/**
 * The compact reply of `networkAnalyzeUpdate`: the host's analysis of a document as a change to a
 * version the caller already holds, so an edit of one layer of a 500-layer network sends a few
 * per-node analyses instead of all of them. Every reply carries its own version number; a `delta`
 * names the version it applies to (`base`), a `full` reply stands alone (the first call, or when
 * the host no longer has the caller's version).
 *
 * The request is compact too: instead of the whole document (~86 KB for ResNet-152 expanded) the
 * renderer may send a `DocEdit` against the document of a version the host keeps (`docEdit` builds
 * it, `applyDocEdit` rebuilds the document on the host, which then validates it whole); a host
 * that no longer has that version answers `stale` and gets the whole document.
 *
 * Pure (zod and types only): the host builds replies with `diffAnalysis`, the renderer checks them
 * with `analysisUpdateSchema` on arrival and rebuilds the analysis with `applyAnalysisUpdate`. The
 * host stays the authority: the renderer never computes a shape or a count, it only reassembles.
 */
import { z } from 'zod';
import { PROBLEM_CODES } from '../network/types.ts';
import type {
  NetworkAnalysis,
  NetworkDoc,
  NetworkEdge,
  NetworkNode,
  NodeAnalysis,
  Problem,
  QuickFix,
  ReceptiveField,
  Totals,
} from '../network/types.ts';
import type { Stage } from '../network/stages.ts';

/** Everything of a `NetworkAnalysis` but its per-node analyses (always sent whole). */
interface UpdateCommon {
  /** This analysis's version: what the caller passes as `since` next time. */
  version: number;
  valid: boolean;
  totals: Totals;
}

/** The whole analysis (the first reply, or when the host no longer has the caller's version). */
export interface FullAnalysisUpdate extends UpdateCommon {
  kind: 'full';
  analysis: NetworkAnalysis;
}

/** The analysis as a change to version `base`: only what differs from it is sent. */
export interface DeltaAnalysisUpdate extends UpdateCommon {
  kind: 'delta';
  base: number;
  /** Per-node analyses that are new or differ from `base`'s; every other node is as in `base`. */
  nodes: Record<string, NodeAnalysis>;
  /** Absent when the topological order (and so the set of nodes) is `base`'s. */
  order?: string[];
  /** Absent when the problems are `base`'s. */
  problems?: Problem[];
  /** Absent when the stages are `base`'s. */
  stages?: Stage[];
}

/** The host no longer has the document of the edit's base version: send the whole document. */
export interface StaleAnalysisUpdate {
  kind: 'stale';
}

export type AnalysisUpdate = FullAnalysisUpdate | DeltaAnalysisUpdate | StaleAnalysisUpdate;

/** A document as a change to the document of version `base` (see the module comment). */
export interface DocEdit {
  /** The version whose document this edit applies to. */
  base: number;
  /** Nodes new or changed since `base`'s document (whole nodes). */
  nodes: NetworkNode[];
  /** The node ids in document order, when that list changed (added, removed or moved nodes). */
  order?: string[];
  /** The edges, when they changed. */
  edges?: NetworkEdge[];
  /** The rest of the document (format, version, name, description, layout), when it changed. */
  head?: DocHead;
}

/** A document without its nodes and edges. */
export type DocHead = Omit<NetworkDoc, 'nodes' | 'edges'>;

/** Above this share of changed nodes an edit is not worth it: the whole document is sent. */
const EDIT_MAX_SHARE = 0.5;

/**
 * `doc` as an edit of `base` (the document of version `version`), or null when it should be sent
 * whole: an id used twice (nodes are matched by id), or most nodes changed. Nodes and edges are
 * compared by identity — documents are immutable and share what an edit leaves alone — so a
 * rebuilt but equal node is merely sent again.
 */
export function docEdit(base: NetworkDoc, doc: NetworkDoc, version: number): DocEdit | null {
  const before = new Map(base.nodes.map((n) => [n.id, n]));
  if (before.size !== base.nodes.length) return null;
  const ids = new Set<string>();
  const nodes: NetworkNode[] = [];
  let moved = doc.nodes.length !== base.nodes.length;
  for (let i = 0; i < doc.nodes.length; i++) {
    const n = doc.nodes[i]!;
    if (ids.has(n.id)) return null;
    ids.add(n.id);
    if (before.get(n.id) !== n) nodes.push(n);
    if (!moved && base.nodes[i]!.id !== n.id) moved = true;
  }
  if (nodes.length > doc.nodes.length * EDIT_MAX_SHARE + 1) return null;
  const edit: DocEdit = { base: version, nodes };
  if (moved) edit.order = doc.nodes.map((n) => n.id);
  if (doc.edges !== base.edges) edit.edges = doc.edges;
  const head = headOf(doc);
  if (!sameValue(head, headOf(base))) edit.head = head;
  return edit;
}

/**
 * The document `edit` describes, given `base` (the document of version `edit.base`); null when it
 * does not apply (an id in `order` that is nowhere, an edited node outside the order, or `base`
 * using an id twice). The caller validates the result as it would a whole document.
 */
export function applyDocEdit(base: NetworkDoc, edit: DocEdit): NetworkDoc | null {
  const byId = new Map(base.nodes.map((n) => [n.id, n]));
  if (byId.size !== base.nodes.length) return null;
  for (const n of edit.nodes) byId.set(n.id, n);
  const order = edit.order ?? base.nodes.map((n) => n.id);
  const nodes: NetworkNode[] = [];
  for (const id of order) {
    const n = byId.get(id);
    if (!n) return null;
    nodes.push(n);
  }
  const placed = new Set(order);
  if (edit.nodes.some((n) => !placed.has(n.id))) return null;
  return { ...(edit.head ?? headOf(base)), nodes, edges: edit.edges ?? base.edges };
}

function headOf(doc: NetworkDoc): DocHead {
  const { nodes: _nodes, edges: _edges, ...head } = doc;
  return head;
}

/**
 * A JSON object keyed by node id, rebuilt without a prototype. Not `z.record`: it drops a
 * `__proto__` key, and ids like `__proto__` or `toString` are ordinary node ids here.
 */
const byId = <T>(value: z.ZodType<T>) =>
  z.unknown().transform((input, ctx): Record<string, T> => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: 'expected an object keyed by node id' });
      return z.NEVER;
    }
    const out = Object.create(null) as Record<string, T>;
    for (const [id, v] of Object.entries(input)) {
      const r = value.safeParse(v);
      if (!r.success) {
        for (const issue of r.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, path: [id, ...issue.path] });
        return z.NEVER;
      }
      out[id] = r.data;
    }
    return out;
  });

const shape = z.array(z.number());
const receptiveField: z.ZodType<ReceptiveField> = z.object({
  size: z.tuple([z.number(), z.number()]),
  jump: z.tuple([z.number(), z.number()]),
});
const totals = z.object({
  trainableParams: z.number(),
  nonTrainableParams: z.number(),
  macs: z.number(),
  activationBytes: z.number(),
  trainingActivationBytes: z.number().optional(),
}) satisfies z.ZodType<Totals>;

const nodeAnalysis: z.ZodType<NodeAnalysis> = z.object({
  id: z.string(),
  type: z.string(),
  inputShapes: z.array(shape.nullable()),
  outputShape: shape.nullable(),
  ...totals.shape, // a layer's own counts: the same fields as the network's totals
  receptiveField: receptiveField.nullable(),
  shortcut: z.enum(['identity', 'projection']).optional(),
  summary: z.string(),
  formulas: z.array(z.string()),
});

const replacement = z.enum(['Flatten', 'GlobalAvgPool2D']);
const quickFix: z.ZodType<QuickFix> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('set-param'),
    label: z.string(),
    nodeId: z.string(),
    param: z.string(),
    value: z.unknown(),
  }),
  z.object({
    kind: z.literal('set-params'),
    label: z.string(),
    nodeId: z.string(),
    params: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal('insert-before'),
    label: z.string(),
    nodeId: z.string(),
    layerType: replacement,
  }),
  z.object({
    kind: z.literal('replace-layer'),
    label: z.string(),
    nodeId: z.string(),
    layerType: replacement,
  }),
  z.object({
    kind: z.literal('insert-projection'),
    label: z.string(),
    nodeId: z.string(),
    inputNodeId: z.string(),
    filters: z.number(),
    strides: z.number(),
  }),
]) as z.ZodType<QuickFix>;

const problem: z.ZodType<Problem> = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(PROBLEM_CODES),
  nodeId: z.string().optional(),
  param: z.string().optional(),
  edge: z.object({ source: z.string(), target: z.string() }).optional(),
  message: z.string(),
  fixes: z.array(quickFix).optional(),
});

const stage: z.ZodType<Stage> = z.object({
  name: z.string(),
  named: z.boolean(),
  nodeIds: z.array(z.string()),
  outputShape: shape.nullable(),
  receptiveField: receptiveField.nullable(),
  totals: totals.required(),
});

const analysis: z.ZodType<NetworkAnalysis> = z.object({
  valid: z.boolean(),
  order: z.array(z.string()),
  nodes: byId(nodeAnalysis),
  problems: z.array(problem),
  totals,
  stages: z.array(stage).optional(),
});

/** An analysis version (a reply's `version`, a request's `since`, an edit's `base`). */
export const analysisVersionSchema = z.int().nonnegative();
const version = analysisVersionSchema;

/** Checks a reply of `networkAnalyzeUpdate` (the renderer runs it on arrival). */
export const analysisUpdateSchema: z.ZodType<AnalysisUpdate> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('full'),
    version,
    valid: z.boolean(),
    totals,
    analysis,
  }),
  z.object({
    kind: z.literal('delta'),
    version,
    base: version,
    valid: z.boolean(),
    totals,
    nodes: byId(nodeAnalysis),
    order: z.array(z.string()).optional(),
    problems: z.array(problem).optional(),
    stages: z.array(stage).optional(),
  }),
  z.object({ kind: z.literal('stale') }),
]);

/**
 * The reply that turns `base` (version `baseVersion`, or nothing) into `next` (version `version`):
 * a delta with the per-node analyses that differ (by value) and whatever else changed, or the full
 * analysis when there is no base.
 */
export function diffAnalysis(
  base: { version: number; analysis: NetworkAnalysis } | null,
  next: NetworkAnalysis,
  version: number,
): AnalysisUpdate {
  const common = { version, valid: next.valid, totals: next.totals };
  if (!base) return { kind: 'full', ...common, analysis: next };
  const old = base.analysis;
  const nodes = Object.create(null) as Record<string, NodeAnalysis>;
  for (const id of next.order) {
    const n = next.nodes[id]!;
    const o = Object.hasOwn(old.nodes, id) ? old.nodes[id] : undefined;
    if (n !== o && !sameValue(n, o)) nodes[id] = n;
  }
  const update: DeltaAnalysisUpdate = { kind: 'delta', ...common, base: base.version, nodes };
  if (!sameValue(old.order, next.order)) update.order = next.order;
  if (!sameValue(old.problems, next.problems)) update.problems = next.problems;
  if (!sameValue(old.stages, next.stages)) update.stages = next.stages;
  return update;
}

/**
 * The analysis `update` describes, given the analysis the caller holds (`held`, version
 * `heldVersion`). Per-node analyses, the problems and the stages that did not change are the held
 * objects themselves (so what shows them need not re-render). Null when a delta does not apply
 * to what is held: the caller asks again without `since` for a full reply.
 */
export function applyAnalysisUpdate(
  held: { version: number; analysis: NetworkAnalysis } | null,
  update: AnalysisUpdate,
): NetworkAnalysis | null {
  if (update.kind === 'full') return update.analysis;
  if (update.kind === 'stale') return null;
  if (!held || held.version !== update.base) return null;
  const old = held.analysis;
  const order = update.order ?? old.order;
  const nodes = Object.create(null) as Record<string, NodeAnalysis>;
  let sent = 0;
  for (const id of order) {
    const mine = Object.hasOwn(update.nodes, id);
    const n = mine ? update.nodes[id] : Object.hasOwn(old.nodes, id) ? old.nodes[id] : undefined;
    if (!n) return null;
    if (mine) sent += 1;
    nodes[id] = n;
  }
  // A sent node outside the order: the delta was made for another network than the one held.
  if (sent !== Object.keys(update.nodes).length) return null;
  const next: NetworkAnalysis = {
    valid: update.valid,
    order,
    nodes,
    problems: update.problems ?? old.problems,
    totals: update.totals,
  };
  const stages = update.stages ?? old.stages;
  if (stages) next.stages = stages;
  return next;
}

/**
 * Deep equality of JSON values (what crosses the API): `undefined` keys count as absent, key
 * order is free. It stops at the first difference and allocates little, which is what keeps an
 * edit of a 500-layer network from spending tens of milliseconds comparing analyses.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x).filter((k) => x[k] !== undefined);
  const ky = Object.keys(y).filter((k) => y[k] !== undefined);
  if (kx.length !== ky.length) return false;
  for (const k of kx) if (!Object.hasOwn(y, k) || !sameValue(x[k], y[k])) return false;
  return true;
}
