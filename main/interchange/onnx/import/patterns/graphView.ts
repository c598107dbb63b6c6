/** A read-only view of a design graph for pattern matching: who feeds whom, and param checks. */
import { resolveParams } from '../../../../network/catalog/registry.ts';
import type { NetworkDoc, NetworkNode } from '../../../../network/types.ts';
import { pair } from '../../../../network/catalog/params.ts';

export class GraphView {
  private readonly byId: Map<string, NetworkNode>;
  private readonly ins = new Map<string, string[]>();
  private readonly outs = new Map<string, string[]>();
  constructor(readonly doc: NetworkDoc) {
    this.byId = new Map(doc.nodes.map((n) => [n.id, n]));
    for (const e of doc.edges) {
      this.ins.set(e.target, [...(this.ins.get(e.target) ?? []), e.source]);
      this.outs.set(e.source, [...(this.outs.get(e.source) ?? []), e.target]);
    }
  }
  node(id: string): NetworkNode | undefined {
    return this.byId.get(id);
  }
  inputs(id: string): string[] {
    return this.ins.get(id) ?? [];
  }
  outputs(id: string): string[] {
    return this.outs.get(id) ?? [];
  }
  /** The single input of `id` when `id` has exactly one input and is read only by one node. */
  soleChainInput(id: string): string | undefined {
    const ins = this.inputs(id);
    return ins.length === 1 && this.outputs(id).length === 1 ? ins[0] : undefined;
  }
}

/** A node's params with the catalog's defaults applied. */
export function paramsOf(node: NetworkNode): Record<string, unknown> {
  return resolveParams(node);
}

/** Whether a Conv2D is `k×k`, stride `s`, padding `pad` (0 ≡ 'valid'), undilated, linear. */
export function isConv(
  node: NetworkNode | undefined,
  k: number,
  s: number,
  pad: number,
  opts: { useBias: boolean; activation: string },
): node is NetworkNode {
  if (node?.type !== 'Conv2D') return false;
  const p = paramsOf(node);
  const padding = p.padding === 'valid' ? [0, 0] : p.padding === 'same' ? null : pair(p.padding);
  const [kh, kw] = pair(p.kernelSize);
  const [sh, sw] = pair(p.strides);
  const [dh, dw] = pair(p.dilation);
  return (
    kh === k &&
    kw === k &&
    sh === s &&
    sw === s &&
    dh === 1 &&
    dw === 1 &&
    padding !== null &&
    padding[0] === pad &&
    padding[1] === pad &&
    p.useBias === opts.useBias &&
    p.activation === opts.activation
  );
}

/** Whether a node is a BatchNorm with the catalog's default epsilon and momentum. */
export function isDefaultBatchNorm(node: NetworkNode | undefined): node is NetworkNode {
  if (node?.type !== 'BatchNorm') return false;
  const p = paramsOf(node);
  const d = paramsOf({ ...node, params: {} });
  return p.epsilon === d.epsilon && p.momentum === d.momentum;
}

/** Whether a node is `Activation` ReLU. */
export function isRelu(node: NetworkNode | undefined): node is NetworkNode {
  return node?.type === 'Activation' && paramsOf(node).fn === 'relu';
}

/** Filters of a Conv2D. */
export function filtersOf(node: NetworkNode): number {
  return paramsOf(node).filters as number;
}
