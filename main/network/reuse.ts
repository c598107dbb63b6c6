/**
 * What incremental analysis (`analyzeNetworkFrom`) remembers of each node between two analyses,
 * and when a node's earlier result still holds. A node's analysis is a pure function of its own
 * type, label and params, its inputs' ids, shapes and receptive fields, whether it lies on a loop,
 * and — for a merge, whose quick fixes read them — its inputs' params and first input shapes.
 * Any difference, however small (a key order, -0 for 0), means "recompute": reuse is never wrong,
 * only sometimes missed.
 */
import type { NetworkNode, NodeAnalysis, Problem, ReceptiveField, Shape } from './types.ts';

/** One node's result: its analysis, its own problems (in report order), output shape and field. */
export interface NodeStep {
  analysis: NodeAnalysis;
  problems: readonly Problem[];
  shape: Shape | null;
  rf: ReceptiveField | null;
}

/** A node's step with what it was computed from. */
export interface MemoEntry extends NodeStep {
  node: NetworkNode;
  srcIds: readonly string[];
  inShapes: readonly (Shape | null)[];
  inRfs: readonly (ReceptiveField | null)[];
  /** Merges only: the input nodes and their first input shapes (read by the quick fixes). */
  srcNodes?: readonly NetworkNode[];
  srcIn0?: readonly (Shape | null)[];
}

/**
 * Per node id, what the last analysis computed (nodes on or behind a loop are never in it). It
 * holds the analysed document's node objects: documents are treated as immutable.
 */
export type AnalysisMemo = ReadonlyMap<string, MemoEntry>;

/**
 * What an analysis pass has computed so far, by node index (`shapes`, `rfs`) and by id
 * (`result`): the arrays the pass fills in as it goes, read here without copying.
 */
export interface SoFar {
  nodes: readonly NetworkNode[];
  shapes: readonly (Shape | null)[];
  rfs: readonly (ReceptiveField | null)[];
  result: Readonly<Record<string, NodeAnalysis>>;
}

/** Records `step` of `node`, whose inputs are the nodes `srcs`, with everything it was computed from. */
export function memoEntry(
  step: NodeStep,
  node: NetworkNode,
  srcs: readonly number[],
  { nodes, shapes, rfs, result }: SoFar,
): MemoEntry {
  const entry: MemoEntry = {
    ...step,
    node,
    srcIds: srcs.map((s) => nodes[s]!.id),
    inShapes: srcs.map((s) => shapes[s] ?? null),
    inRfs: srcs.map((s) => rfs[s] ?? null),
  };
  if (srcs.length > 1) {
    entry.srcNodes = srcs.map((s) => nodes[s]!);
    entry.srcIn0 = srcs.map((s) => result[nodes[s]!.id]?.inputShapes[0] ?? null);
  }
  return entry;
}

/** True when `entry` is still the result of `node` given its inputs as they are now. */
export function canReuse(
  entry: MemoEntry,
  node: NetworkNode,
  srcs: readonly number[],
  { nodes, shapes, rfs, result }: SoFar,
): boolean {
  if (entry.srcIds.length !== srcs.length || !sameNode(entry.node, node)) return false;
  const merge = srcs.length > 1;
  if (merge !== (entry.srcNodes !== undefined)) return false;
  for (let j = 0; j < srcs.length; j++) {
    const src = nodes[srcs[j]!]!;
    if (src.id !== entry.srcIds[j]) return false;
    if (!sameJson(entry.inShapes[j], shapes[srcs[j]!] ?? null)) return false;
    if (!sameJson(entry.inRfs[j], rfs[srcs[j]!] ?? null)) return false;
    if (merge) {
      if (!sameNode(entry.srcNodes![j]!, src)) return false;
      if (!sameJson(entry.srcIn0![j], result[src.id]?.inputShapes[0] ?? null)) return false;
    }
  }
  return true;
}

/** Same id, type, label and params (position and frozen do not enter the analysis). */
function sameNode(a: NetworkNode, b: NetworkNode): boolean {
  return (
    a === b ||
    (a.id === b.id && a.type === b.type && a.label === b.label && sameJson(a.params, b.params))
  );
}

/**
 * Strict deep equality of JSON-like values: the same keys in the same order (an `undefined`
 * value counts as a key), primitives by `Object.is`. Stricter than needed on purpose (see the
 * module comment).
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], y[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameJson(x[k], y[k])) return false;
  }
  return true;
}
