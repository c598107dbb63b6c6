/**
 * Adapting any network to another input shape and class count — the one Adapt behind the template
 * gallery, the training tab and `netd train --adapt`: set the Input shape and the classifier
 * width, give a large strided first convolution a small window when the input becomes small, then
 * repair layers whose maps would shrink below 1×1 by padding them 'same'. Every change is listed.
 */
import type { AdaptRequest, AdaptResult } from './types.ts';
import { analyzeNetwork } from '../network/analyze.ts';
import type { NetworkAnalysis, NetworkDoc, Problem } from '../network/types.ts';
import { findClassifier } from './classifier.ts';
import { AdaptError } from './errors.ts';
import { parseAdaptRequest } from './request.ts';
import { fmtShape } from '../network/catalog/format.ts';
import { pair } from '../network/catalog/params.ts';
import { successors } from '../network/traversal.ts';
import { isSmallInput, type InputShape } from './types.ts';

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
  const basics: string[] = [];
  const changes: string[] = [];

  if (input) {
    const inputs = next.nodes.filter((n) => n.type === 'Input');
    if (inputs.length !== 1) {
      throw new AdaptError(
        `cannot change the input shape: the network has ${inputs.length === 0 ? 'no' : inputs.length} Input ` +
          `node${inputs.length === 1 ? '' : 's'}; it needs exactly one`,
      );
    }
    const node = inputs[0]!;
    const old = readShape(node.params.shape);
    node.params = { ...node.params, shape: [...input] };
    if (!old || old.join() !== input.join())
      basics.push(`Input ${old ? fmtShape(old) : '?'} → ${fmtShape(input)}`);
    if (old && !isSmallInput(old) && isSmallInput(input))
      changes.push(...shrinkFirstConvs(next, node.id, input));
  }
  if (classes !== undefined) {
    const { node, param } = findClassifier(next);
    const old = node.params[param];
    node.params = { ...node.params, [param]: classes };
    if (old !== classes)
      basics.push(`${node.id} (${node.type}) ${param} ${String(old)} → ${classes}`);
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
  return { doc: next, changes, message: adaptMessage(input, classes, [...basics, ...changes]) };
}

function readShape(v: unknown): InputShape | null {
  return Array.isArray(v) && v.length === 3 && v.every((d) => typeof d === 'number')
    ? (v as InputShape)
    : null;
}

/**
 * The ImageNet-style first convolution (AlexNet's 11×11 stride 4, ResNet's 7×7 stride 2) would
 * throw most of a small image away before the first block: each Conv2D fed by the Input with a
 * window over 3 or a stride over 1 becomes 3×3 stride 1 (pad 1), as the templates' small stem.
 */
function shrinkFirstConvs(doc: NetworkDoc, inputId: string, input: InputShape): string[] {
  const firsts = new Set(successors(doc.edges).get(inputId) ?? []);
  const said: string[] = [];
  for (const node of doc.nodes) {
    if (!firsts.has(node.id) || node.type !== 'Conv2D') continue;
    const [kh, kw] = pair(node.params.kernelSize ?? 1);
    const [sh, sw] = pair(node.params.strides ?? 1);
    if (Math.max(kh, kw) <= 3 && Math.max(sh, sw) <= 1) continue;
    node.params = { ...node.params, kernelSize: 3, strides: 1, padding: 1 };
    const k = kh === kw ? `${kh}×${kh}` : `${kh}×${kw}`;
    const stride = sh === sw ? String(sh) : `${sh}×${sw}`;
    said.push(
      `${node.id} (Conv2D) ${k} stride ${stride} → 3×3 stride 1 (pad 1), so the ` +
        `${fmtShape(input)} input is not reduced to a few pixels at once`,
    );
  }
  return said;
}

/**
 * The one message of an adaptation: what it adapted to, then every change, in order. Shared by the
 * gallery (`buildTemplate`), the training tab and `netd train --adapt`.
 */
export function adaptMessage(
  input: readonly number[] | undefined,
  classes: number | undefined,
  everyChange: readonly string[],
): string {
  const target = [
    input ? fmtShape(input) : '',
    classes !== undefined ? `${classes} classes` : '',
  ].filter(Boolean);
  const to = target.length > 0 ? ` to ${target.join(' and ')}` : '';
  return everyChange.length === 0
    ? `Nothing to adapt: the network already fits${to.replace(' to', '')}.`
    : `Adapted${to}: ${everyChange.join('; ')}.`;
}
