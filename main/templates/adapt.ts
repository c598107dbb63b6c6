/**
 * Adapting any network to another input shape and class count: set the Input shape and the
 * classifier width, then repair layers whose maps would shrink below 1×1 by padding them 'same'.
 */
import type { AdaptRequest, AdaptResult } from './types.ts';
import { analyzeNetwork } from '../network/analyze.ts';
import type { NetworkAnalysis, NetworkDoc, Problem } from '../network/types.ts';
import { findClassifier } from './classifier.ts';
import { AdaptError } from './errors.ts';
import { parseAdaptRequest } from './request.ts';
import { fmtShape } from '../network/catalog/format.ts';

/** Problems that mean "this window no longer fits its input". */
const VANISHING = new Set(['size-below-one', 'kernel-larger-than-input']);
const WINDOW_LAYERS = new Set(['Conv2D', 'MaxPool2D', 'AvgPool2D']);

function problemKey(p: Problem): string {
  return `${p.code}|${p.nodeId ?? ''}|${p.param ?? ''}`;
}

function errorsOf(analysis: NetworkAnalysis): Problem[] {
  return analysis.problems.filter((p) => p.severity === 'error');
}

function describePadding(value: unknown): string {
  return typeof value === 'number' ? String(value) : `'${String(value ?? 'valid')}'`;
}

/**
 * Returns a copy of `doc` with the Input shape and the classifier's units changed as requested.
 * Where a conv or pool would then shrink its map below 1×1 it is switched to padding 'same'
 * (its output becomes ⌈size/stride⌉ ≥ 1); each such repair is listed in `changes`.
 * Problems the network already had are left alone.
 * @throws AdaptError (a user-readable sentence) when the request is malformed, there is no single
 * Input / classifier to change, or the adapted network has errors no padding change can repair.
 */
export function adaptNetwork(doc: NetworkDoc, req: AdaptRequest): AdaptResult {
  const before = new Set(errorsOf(analyzeNetwork(doc)).map(problemKey));
  return adaptFrom(doc, req, before);
}

/**
 * `adaptNetwork` with the set of problems (`code|nodeId|param`) to treat as pre-existing; a
 * template builder passes none, since its own network must come out valid.
 */
export function adaptFrom(
  doc: NetworkDoc,
  req: AdaptRequest,
  before: ReadonlySet<string>,
): AdaptResult {
  const { input, classes } = parseAdaptRequest(req);
  const next: NetworkDoc = structuredClone(doc);
  const changes: string[] = [];

  if (input) {
    const inputs = next.nodes.filter((n) => n.type === 'Input');
    if (inputs.length !== 1) {
      throw new AdaptError(
        `cannot change the input shape: the network has ${inputs.length === 0 ? 'no' : inputs.length} Input ` +
          `node${inputs.length === 1 ? '' : 's'}; it needs exactly one`,
      );
    }
    inputs[0]!.params = { ...inputs[0]!.params, shape: [...input] };
  }
  if (classes !== undefined) {
    const { node, param } = findClassifier(next);
    node.params = { ...node.params, [param]: classes };
  }

  let analysis = analyzeNetwork(next);
  // One repair per pass, in topological order: a repair upstream changes every size below it.
  for (let pass = 0; pass <= next.nodes.length; pass++) {
    const rank = new Map(analysis.order.map((id, i) => [id, i]));
    const byId = new Map<string, NetworkDoc['nodes'][number]>();
    for (const n of next.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
    const fixable = errorsOf(analysis)
      .filter((p) => VANISHING.has(p.code) && p.nodeId !== undefined && !before.has(problemKey(p)))
      .map((p) => byId.get(p.nodeId!))
      .filter((n) => n !== undefined && WINDOW_LAYERS.has(n.type) && n.params.padding !== 'same')
      .sort((a, b) => (rank.get(a!.id) ?? 0) - (rank.get(b!.id) ?? 0));
    const node = fixable[0];
    if (!node) break;
    const inShape = analysis.nodes[node.id]?.inputShapes[0];
    const old = describePadding(node.params.padding);
    node.params = { ...node.params, padding: 'same' };
    changes.push(
      `${node.id} (${node.type}): padding ${old} → 'same', so its ` +
        `${inShape ? fmtShape(inShape.slice(0, 2)) + ' ' : ''}input does not shrink below 1×1`,
    );
    analysis = analyzeNetwork(next);
  }

  const fresh = errorsOf(analysis).filter((p) => !before.has(problemKey(p)));
  if (fresh.length > 0) {
    const target = input ? ` to ${fmtShape(input)}` : '';
    throw new AdaptError(`cannot adapt '${doc.name}'${target}: ${fresh[0]!.message}`);
  }
  return { doc: next, changes };
}
