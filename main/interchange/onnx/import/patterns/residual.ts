/**
 * Finding exact ResNet blocks (DESIGN.md's `ResidualBlock`, torchvision's layout) among imported
 * layers: bias-free convs each followed by a default BatchNorm, ReLUs between them, an identity
 * shortcut exactly when the shapes match (else 1×1 conv + BN), then Add → ReLU.
 */
import type { NetworkNode, Shape } from '../../../../network/types.ts';
import { filtersOf, isConv, isDefaultBatchNorm, isRelu, type GraphView } from './graphView.ts';

/** A block found in the graph: its members and what each becomes inside the composite. */
export interface BlockMatch {
  type: 'ResidualBlock' | 'Inception';
  params: Record<string, unknown>;
  /** The node feeding the block. */
  input: string;
  /** The node whose output is the block's output. */
  exit: string;
  /** Member id → id suffix inside the block (`conv1`, `shortcut/bn`); '' for nodes with no weights. */
  members: Map<string, string>;
}

const NO_BIAS = { useBias: false, activation: 'linear' };

interface Pair {
  conv: NetworkNode;
  bn: NetworkNode;
}

/** Up to three conv → BN pairs ending at `last`, joined by ReLUs, walking towards the input. */
function chainBefore(g: GraphView, last: string): { pairs: Pair[]; relus: string[] } {
  const pairs: Pair[] = [];
  const relus: string[] = [];
  let cur: string | undefined = last;
  while (cur !== undefined && pairs.length < 3) {
    const bn = g.node(cur);
    const convId = isDefaultBatchNorm(bn) ? g.soleChainInput(cur) : undefined;
    const conv = convId === undefined ? undefined : g.node(convId);
    if (!bn || conv?.type !== 'Conv2D' || g.outputs(convId!).length !== 1) break;
    pairs.unshift({ conv, bn });
    const before: string | undefined =
      g.inputs(conv.id).length === 1 ? g.inputs(conv.id)[0] : undefined;
    const relu = before === undefined ? undefined : g.node(before);
    if (!isRelu(relu) || g.outputs(relu.id).length !== 1) break;
    relus.unshift(relu.id);
    cur = g.soleChainInput(relu.id);
  }
  return { pairs, relus };
}

function outChannels(variant: 'basic' | 'bottleneck', filters: number): number {
  return variant === 'bottleneck' ? 4 * filters : filters;
}

/** The block whose main path ends at `main` and whose shortcut is `shortcut`, if exact. */
function matchPaths(
  g: GraphView,
  main: string,
  shortcut: string,
  add: string,
  relu: string,
  shapes: ReadonlyMap<string, Shape>,
): BlockMatch | undefined {
  const { pairs, relus } = chainBefore(g, main);
  for (const n of [3, 2]) {
    if (pairs.length < n) continue;
    const used = pairs.slice(pairs.length - n);
    const between = relus.slice(relus.length - (n - 1));
    const first = used[0]!.conv;
    const input = g.inputs(first.id)[0];
    if (input === undefined || between.length !== n - 1) continue;
    const f = filtersOf(first);
    const variant = n === 2 ? 'basic' : 'bottleneck';
    const stride = ((): number | undefined => {
      const s = (c: NetworkNode) => {
        const v = c.params.strides ?? 1;
        return typeof v === 'number' ? v : undefined;
      };
      return n === 2 ? s(used[0]!.conv) : s(used[1]!.conv);
    })();
    if (stride === undefined) continue;
    const kinds: [number, number, number, number][] =
      n === 2
        ? [
            [3, stride, 1, f],
            [3, 1, 1, f],
          ]
        : [
            [1, 1, 0, f],
            [3, stride, 1, f],
            [1, 1, 0, 4 * f],
          ];
    const convsOk = used.every(
      ({ conv }, i) =>
        isConv(conv, kinds[i]![0], kinds[i]![1], kinds[i]![2], NO_BIAS) &&
        filtersOf(conv) === kinds[i]![3],
    );
    if (!convsOk) continue;
    const inShape = shapes.get(input);
    if (!inShape || inShape.length !== 3) continue;
    const [h, w, c] = inShape as [number, number, number];
    const out = outChannels(variant, f);
    const projection = Math.ceil(h / stride) !== h || Math.ceil(w / stride) !== w || c !== out;
    const members = new Map<string, string>();
    used.forEach(({ conv, bn }, i) => {
      members.set(conv.id, `conv${i + 1}`);
      members.set(bn.id, `bn${i + 1}`);
    });
    for (const r of between) members.set(r, '');
    if (projection) {
      const bn = g.node(shortcut);
      const convId = isDefaultBatchNorm(bn) ? g.soleChainInput(shortcut) : undefined;
      const conv = convId === undefined ? undefined : g.node(convId);
      if (
        !isConv(conv, 1, stride, 0, NO_BIAS) ||
        filtersOf(conv) !== out ||
        g.outputs(conv.id).length !== 1 ||
        g.inputs(conv.id)[0] !== input
      )
        continue;
      members.set(conv.id, 'shortcut/conv');
      members.set(shortcut, 'shortcut/bn');
    } else if (shortcut !== input) continue;
    members.set(add, '');
    members.set(relu, '');
    return {
      type: 'ResidualBlock',
      params: { variant, filters: f, ...(stride !== 1 ? { strides: stride } : {}) },
      input,
      exit: relu,
      members,
    };
  }
  return undefined;
}

/** Every exact residual block: an Add read only by a ReLU, with a matching main path and shortcut. */
export function findResidualBlocks(g: GraphView, shapes: ReadonlyMap<string, Shape>): BlockMatch[] {
  const found: BlockMatch[] = [];
  for (const node of g.doc.nodes) {
    if (node.type !== 'Add') continue;
    const ins = g.inputs(node.id);
    const outs = g.outputs(node.id);
    if (ins.length !== 2 || outs.length !== 1 || !isRelu(g.node(outs[0]!))) continue;
    const relu = outs[0]!;
    const [a, b] = ins as [string, string];
    const match =
      matchPaths(g, a, b, node.id, relu, shapes) ?? matchPaths(g, b, a, node.id, relu, shapes);
    if (match) found.push(match);
  }
  return found;
}
