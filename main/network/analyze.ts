/**
 * Shape inference, counting and validation of a whole network in one linear pass. The UI calls it
 * on every edit, so it never throws, reports every problem at once, and still computes every shape
 * that does not depend on a node in error.
 */
import { maxRf } from './catalog/composite.ts';
import { PIXEL_RF } from './catalog/elementwise.ts';
import { fmtBytes, fmtInt, fmtShape, nodeName, numel } from './catalog/format.ts';
import type { InputSource, NodeRef } from './catalog/params.ts';
import { getLayerDef, LAYER_TYPES } from './catalog/registry.ts';
import { didYouMean } from './catalog/suggest.ts';
import { buildGraph, type Graph } from './graph.ts';
import {
  canReuse,
  memoEntry,
  type AnalysisMemo,
  type MemoEntry,
  type NodeStep,
  type SoFar,
} from './reuse.ts';
import type {
  NetworkAnalysis,
  NetworkDoc,
  NetworkNode,
  NodeAnalysis,
  Problem,
  ReceptiveField,
  Shape,
} from './types.ts';

export type { AnalysisMemo } from './reuse.ts';
import { collectWarnings } from './warnings.ts';

/** Tensors or weight counts above this are "absurd" (and beyond what tfjs can allocate). */
export const TOO_LARGE = 2 ** 31;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function emptyAnalysis(node: NetworkNode, inputShapes: (Shape | null)[]): NodeAnalysis {
  return {
    id: node.id,
    type: node.type,
    inputShapes,
    outputShape: null,
    trainableParams: 0,
    nonTrainableParams: 0,
    macs: 0,
    activationBytes: 0,
    trainingActivationBytes: 0,
    receptiveField: null,
    summary: '',
    formulas: [],
  };
}

function inputCountProblem(
  node: NetworkNode,
  who: NodeRef,
  n: number,
  min: number,
  max: number,
): Problem | null {
  if (node.type === 'Input') {
    if (n === 0) return null;
    return {
      severity: 'error',
      code: 'input-has-inputs',
      nodeId: node.id,
      message: `${who.name}: an Input cannot receive connections — delete the ${n === 1 ? 'connection' : `${n} connections`} into it`,
    };
  }
  if (n === 0)
    return {
      severity: 'error',
      code: 'unreachable',
      nodeId: node.id,
      message: `${who.name} is not connected to the network — connect an Input (or a layer fed by one) to it`,
    };
  if (n >= min && n <= max) return null;
  const want =
    min === max ? `exactly ${min} input${min === 1 ? '' : 's'}` : `at least ${min} inputs`;
  return {
    severity: 'error',
    code: 'wrong-input-count',
    nodeId: node.id,
    message: `${who.name}: takes ${want} but has ${n}${max === 1 ? ' — merge branches with Add or Concat first' : ''}`,
  };
}

/** The node at `index` as a merge's quick fix sees it (its analysis is done: topological order). */
function inputSource(
  nodes: readonly NetworkNode[],
  result: Record<string, NodeAnalysis>,
  index: number | undefined,
): InputSource | undefined {
  const node = index === undefined ? undefined : nodes[index];
  const def = node && getLayerDef(node.type);
  if (!node || !def) return undefined;
  return {
    id: node.id,
    name: nodeName(node),
    type: node.type,
    params: def.resolveAll(isRecord(node.params) ? node.params : {}),
    input: result[node.id]?.inputShapes[0] ?? null,
  };
}

/** How many members of a loop its message names; a 100k-node loop is named by its first few. */
const MAX_CYCLE_MEMBERS_SHOWN = 8;

/** `'a', 'b', 'c'` (and "… and N more") for a cycle, computed once per cycle. */
function cycleMembers(
  cycle: readonly number[],
  nodes: readonly NetworkNode[],
  cache: Map<readonly number[], string>,
): string {
  let text = cache.get(cycle);
  if (text === undefined) {
    const shown = cycle.slice(0, MAX_CYCLE_MEMBERS_SHOWN).map((c) => `'${nodes[c]!.id}'`);
    const more = cycle.length - shown.length;
    text = shown.join(', ') + (more > 0 ? ` and ${fmtInt(more)} more` : '');
    cache.set(cycle, text);
  }
  return text;
}

/**
 * Analyzes a network: per-node shapes, counts, receptive fields and inspector text, totals, a
 * topological order and every problem found. Never throws for any document shape.
 */
export function analyzeNetwork(doc: NetworkDoc): NetworkAnalysis {
  return analyse(doc, null, false).analysis;
}

/**
 * `analyzeNetwork` that reuses the per-node results of an earlier analysis (`previous`, from any
 * document) wherever a node and everything its result depends on are unchanged: its own type,
 * label and params, its inputs' ids, shapes and receptive fields (and, for a merge, its inputs'
 * params, which its quick fixes read). The analysis equals `analyzeNetwork(doc)`; reused per-node
 * objects are shared with the earlier one, so neither may be mutated. Returns the memo to pass next
 * time. An edit of one layer of a 500-layer network recomputes only that layer and the few behind
 * it whose inputs changed.
 */
export function analyzeNetworkFrom(
  doc: NetworkDoc,
  previous: AnalysisMemo | null,
): { analysis: NetworkAnalysis; memo: AnalysisMemo } {
  return analyse(doc, previous, true);
}

/** Both of the above; `remember`: build the memo (a one-off analysis skips that work). */
function analyse(
  doc: NetworkDoc,
  previous: AnalysisMemo | null,
  remember: boolean,
): { analysis: NetworkAnalysis; memo: AnalysisMemo } {
  const graph = buildGraph(doc);
  const problems: Problem[] = [...graph.problems];
  const { nodes, inputs } = graph;
  const shapes: (Shape | null)[] = new Array(nodes.length).fill(null);
  const rfs: (ReceptiveField | null)[] = new Array(nodes.length).fill(null);
  // Keyed by node id: no prototype, so ids like `__proto__` or `toString` are ordinary keys.
  const result = Object.create(null) as Record<string, NodeAnalysis>;
  const memo = new Map<string, MemoEntry>();
  const soFar: SoFar = { nodes, shapes, rfs, result };
  const totals = {
    trainableParams: 0,
    nonTrainableParams: 0,
    macs: 0,
    activationBytes: 0,
    trainingActivationBytes: 0,
  };

  if (!nodes.some((n) => n.type === 'Input'))
    problems.push({
      severity: 'error',
      code: 'no-input',
      message:
        'The network has no Input layer — add one from the palette and connect it to the first layer',
    });
  else if (nodes.every((n) => n.type === 'Input'))
    problems.push({
      severity: 'error',
      code: 'no-output',
      message: 'The network has only an Input — add layers after it',
    });

  // One member list per cycle, shared by its nodes (building it per node is quadratic).
  const memberText = new Map<readonly number[], string>();
  for (let k = 0; k < graph.order.length; k++) {
    const i = graph.order[k]!;
    const node = nodes[i]!;
    const srcs = inputs[i]!;
    // Nodes on or behind a loop are always recomputed (their messages name the loop).
    const memorable = k < graph.sortedCount && !graph.cycles.has(i);
    const old = memorable ? previous?.get(node.id) : undefined;
    const step =
      old && canReuse(old, node, srcs, soFar)
        ? old
        : analyseNode(node, i, k < graph.sortedCount, srcs, graph, soFar, memberText);
    result[node.id] = step.analysis;
    shapes[i] = step.shape;
    rfs[i] = step.rf;
    for (const p of step.problems) problems.push(p);
    const a = step.analysis;
    // Nodes in error count 0 everywhere, so summing every node equals summing the valid ones.
    totals.trainableParams += a.trainableParams;
    totals.nonTrainableParams += a.nonTrainableParams;
    totals.macs += a.macs;
    totals.activationBytes += a.activationBytes;
    totals.trainingActivationBytes += a.trainingActivationBytes ?? 0;
    if (remember && memorable) {
      memo.set(node.id, step === old ? old : memoEntry(step, node, srcs, soFar));
    }
  }

  const weights = totals.trainableParams + totals.nonTrainableParams;
  if (weights > TOO_LARGE)
    problems.push({
      severity: 'error',
      code: 'too-large',
      message: `The network has ${fmtInt(weights)} parameters in all, more than 2^31 — it cannot be trained; make the layers smaller`,
    });
  // A loop, not a spread: a 100k-node design may have 100k warnings (spread args overflow the stack).
  for (const warning of collectWarnings(graph, result)) problems.push(warning);
  return {
    analysis: {
      valid: !problems.some((p) => p.severity === 'error'),
      order: graph.order.map((i) => nodes[i]!.id),
      nodes: result,
      problems,
      totals,
    },
    memo,
  };
}

/**
 * Shape inference, counting and checks of one node whose inputs are done (topological order).
 * Reads the inputs' shapes and receptive fields, and for a merge's quick fixes their analyses.
 */
function analyseNode(
  node: NetworkNode,
  i: number,
  /** In the properly sorted part of the order (not on or behind a loop). */
  sorted: boolean,
  srcs: readonly number[],
  graph: Graph,
  { nodes, shapes, rfs, result }: SoFar,
  memberText: Map<readonly number[], string>,
): NodeStep {
  const inputShapes = srcs.map((s) => shapes[s] ?? null);
  const analysis = emptyAnalysis(node, inputShapes);
  const problems: Problem[] = [];
  const step: NodeStep = { analysis, problems, shape: null, rf: null };
  // Only merges use the input ids (for their quick fix); skip the allocation elsewhere.
  const who: NodeRef = { id: node.id, name: nodeName(node) };
  if (srcs.length > 1) {
    who.inputIds = srcs.map((s) => nodes[s]!.id);
    who.inputSource = (index) => inputSource(nodes, result, srcs[index]);
  }

  const cycle = graph.cycles.get(i);
  if (cycle) {
    const members = cycleMembers(cycle, nodes, memberText);
    problems.push({
      severity: 'error',
      code: 'cycle',
      nodeId: node.id,
      message: `${who.name} is part of a loop (${members}) — data must flow one way; remove one of these connections`,
    });
  }
  const def = getLayerDef(node.type);
  if (!def) {
    problems.push({
      severity: 'error',
      code: 'unknown-type',
      nodeId: node.id,
      message: `${who.name}: unknown layer type '${node.type}'${didYouMean(node.type, LAYER_TYPES) || ` — known types are ${LAYER_TYPES.join(', ')}`}`,
    });
    return step;
  }
  // The UI passes validated documents, but analysis must survive anything (no throw).
  const raw = isRecord(node.params) ? node.params : {};
  const values = def.resolve(raw);
  const paramProblems = def.check(raw, values, who);
  for (const p of paramProblems) problems.push(p);
  const paramsOk = paramProblems.every((p) => p.code === 'unknown-param');
  if (paramsOk) analysis.summary = def.summary(values);
  const countProblem = inputCountProblem(
    node,
    who,
    srcs.length,
    def.info.minInputs,
    def.info.maxInputs,
  );
  if (countProblem) problems.push(countProblem);
  if (!paramsOk || countProblem || cycle || !sorted) return step;
  if (inputShapes.some((s) => s === null)) return step; // upstream error: stay quiet

  const inRf =
    srcs.length === 0
      ? PIXEL_RF
      : srcs.length === 1
        ? rfs[srcs[0]!]!
        : maxRf(srcs.map((s) => rfs[s]!));
  const ev = def.evaluate(values, inputShapes as Shape[], inRf, who);
  if (!ev.ok) {
    for (const p of ev.problems) problems.push(p);
    return step;
  }
  const elements = numel(ev.shape);
  const weights = ev.counts.trainable + ev.counts.nonTrainable;
  if (elements > TOO_LARGE || weights > TOO_LARGE) {
    const what =
      elements > TOO_LARGE
        ? `its output ${fmtShape(ev.shape)} has ${fmtInt(elements)} values`
        : `it has ${fmtInt(weights)} parameters`;
    problems.push({
      severity: 'error',
      code: 'too-large',
      nodeId: node.id,
      message: `${who.name}: ${what}, more than 2^31 — reduce the sizes or add pooling before it`,
    });
    return step;
  }
  step.shape = ev.shape;
  step.rf = ev.rf;
  analysis.outputShape = ev.shape;
  analysis.trainableParams = ev.counts.trainable;
  analysis.nonTrainableParams = ev.counts.nonTrainable;
  analysis.macs = ev.counts.macs;
  analysis.activationBytes = elements * 4;
  // A composite keeps every tensor inside it for the backward pass, not just its output.
  analysis.trainingActivationBytes = ev.keptBytes ?? elements * 4;
  analysis.receptiveField = ev.rf;
  if (ev.shortcut) analysis.shortcut = ev.shortcut;
  analysis.formulas = ev.formulas;
  analysis.formulas.push(`output = ${fmtShape(ev.shape)} · 4 B = ${fmtBytes(elements * 4)}`);
  if (ev.keptBytes !== undefined)
    analysis.formulas.push(
      `kept for training = outputs of every layer inside = ${fmtBytes(ev.keptBytes)}`,
    );
  if (ev.shape.length === 3)
    analysis.formulas.push(
      `receptive field = ${ev.rf.size[0]}×${ev.rf.size[1]} px, jump ${ev.rf.jump[0]}×${ev.rf.jump[1]}`,
    );
  return step;
}
