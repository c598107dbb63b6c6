/**
 * Finding exact GoogLeNet modules (DESIGN.md's `Inception`): a Concat of, in order, 1×1 | 1×1 →
 * 3×3 (pad 1) | 1×1 → 5×5 (pad 2) | 3×3/1 max pool (pad 1) → 1×1, every conv followed by ReLU —
 * fused convs with bias, or bias-free convs each followed by a default BatchNorm and a ReLU.
 */
import type { NetworkNode } from '../../../../network/types.ts';
import { pair } from '../../../../network/catalog/params.ts';
import {
  filtersOf,
  isConv,
  isDefaultBatchNorm,
  isRelu,
  paramsOf,
  type GraphView,
} from './graphView.ts';
import type { BlockMatch } from './residual.ts';

interface Unit {
  conv: NetworkNode;
  /** BatchNorm and ReLU ids after the conv (batchNorm variant). */
  tail: string[];
  input: string;
}

/** The conv unit whose output is `id`: a fused conv, or conv → BN → ReLU. */
function unitAt(g: GraphView, id: string, k: number, batchNorm: boolean): Unit | undefined {
  const pad = (k - 1) / 2;
  if (!batchNorm) {
    const conv = g.node(id);
    const input = g.soleChainInput(id);
    if (!isConv(conv, k, 1, pad, { useBias: true, activation: 'relu' }) || input === undefined)
      return undefined;
    return { conv, tail: [], input };
  }
  const bnId = isRelu(g.node(id)) ? g.soleChainInput(id) : undefined;
  const convId =
    bnId !== undefined && isDefaultBatchNorm(g.node(bnId)) ? g.soleChainInput(bnId) : undefined;
  const conv = convId === undefined ? undefined : g.node(convId);
  const input = convId === undefined ? undefined : g.soleChainInput(convId);
  if (!isConv(conv, k, 1, pad, { useBias: false, activation: 'linear' }) || input === undefined)
    return undefined;
  return { conv, tail: [bnId!, id], input };
}

function isModulePool(node: NetworkNode | undefined): node is NetworkNode {
  if (node?.type !== 'MaxPool2D') return false;
  const p = paramsOf(node);
  if (p.padding === 'same' || p.padding === 'valid') return false;
  const [k1, k2] = pair(p.poolSize);
  const [s1, s2] = pair(p.strides);
  const [p1, p2] = pair(p.padding);
  return k1 === 3 && k2 === 3 && s1 === 1 && s2 === 1 && p1 === 1 && p2 === 1;
}

function matchModule(
  g: GraphView,
  concat: NetworkNode,
  batchNorm: boolean,
): BlockMatch | undefined {
  const [o1, o3, o5, op] = g.inputs(concat.id) as [string, string, string, string];
  const b1 = unitAt(g, o1, 1, batchNorm);
  const b3 = unitAt(g, o3, 3, batchNorm);
  const b5 = unitAt(g, o5, 5, batchNorm);
  const pp = unitAt(g, op, 1, batchNorm);
  if (!b1 || !b3 || !b5 || !pp) return undefined;
  const b3r = unitAt(g, b3.input, 1, batchNorm);
  const b5r = unitAt(g, b5.input, 1, batchNorm);
  const pool = g.node(pp.input);
  const x = b1.input;
  if (!b3r || !b5r || !isModulePool(pool) || g.outputs(pool.id).length !== 1) return undefined;
  if (b3r.input !== x || b5r.input !== x || g.inputs(pool.id)[0] !== x) return undefined;
  const members = new Map<string, string>();
  const units: [string, Unit][] = [
    ['b1', b1],
    ['b3r', b3r],
    ['b3', b3],
    ['b5r', b5r],
    ['b5', b5],
    ['poolProj', pp],
  ];
  for (const [name, u] of units) {
    members.set(u.conv.id, name);
    if (batchNorm) {
      members.set(u.tail[0]!, `${name}/bn`);
      members.set(u.tail[1]!, '');
    }
  }
  members.set(pool.id, '');
  members.set(concat.id, '');
  const params: Record<string, unknown> = Object.fromEntries(
    units.map(([name, u]) => [name, filtersOf(u.conv)]),
  );
  if (batchNorm) params.batchNorm = true;
  return { type: 'Inception', params, input: x, exit: concat.id, members };
}

/** Every exact Inception module: a 4-input Concat whose branches are the module's. */
export function findInceptionModules(g: GraphView): BlockMatch[] {
  const found: BlockMatch[] = [];
  for (const node of g.doc.nodes) {
    if (node.type !== 'Concat' || g.inputs(node.id).length !== 4) continue;
    const match = matchModule(g, node, false) ?? matchModule(g, node, true);
    if (match) found.push(match);
  }
  return found;
}
