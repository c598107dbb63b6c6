/**
 * The design being built from an ONNX graph: nodes, edges and weights, with every node's output
 * shape computed by the catalog as it is added (so a layer the catalog would reject is reported on
 * the ONNX node that produced it, not discovered later).
 */
import { getLayerDef } from '../../../network/catalog/registry.ts';
import type { NetworkEdge, NetworkNode, Shape } from '../../../network/types.ts';
import type { WeightName, WeightTensor, Weights } from '../../../weights/index.ts';

/** A problem with one ONNX node: the sentence after "node 'x' (Op): ". */
export class NodeProblem extends Error {
  override name = 'NodeProblem';
}

/** A tensor of the ONNX graph as the design sees it. */
export interface Value {
  /** The design node whose output this is. */
  id: string;
  /** Channels-last design shape: `[H, W, C]` or `[N]`. */
  shape: Shape;
  /**
   * Set on a vector that is an NCHW Flatten of a `[C, H, W]` map: its element order is ONNX's
   * C·H·W while the design's Flatten yields H·W·C, so a Dense reading it permutes its rows.
   */
  chw?: [number, number, number];
  /** A map transposed to NHWC (Transpose 0,2,3,1) that only a Flatten may read. */
  nhwc?: boolean;
  /** Zero padding [top, left, bottom, right] still to fold into the Conv/AveragePool reading it. */
  pad?: { pads: [number, number, number, number]; by: string };
}

const PIXEL = { size: [1, 1] as [number, number], jump: [1, 1] as [number, number] };

/** Builder of the imported design. */
export class Draft {
  readonly nodes: NetworkNode[] = [];
  readonly edges: NetworkEdge[] = [];
  readonly weights: Weights = new Map();
  private readonly ids = new Set<string>();

  /** A fresh node id from `hint` (kept as is when unused, else `hint_2`, `hint_3`…). */
  uniqueId(hint: string): string {
    let id = hint;
    for (let i = 2; this.ids.has(id); i++) id = `${hint}_${i}`;
    this.ids.add(id);
    return id;
  }

  /** Frees the id of a node folded away into a block. */
  release(id: string): void {
    this.ids.delete(id);
  }

  /**
   * Adds a node fed by `inputs` (in input order) and returns its output value.
   *
   * @throws NodeProblem when the catalog rejects the params or the input shapes.
   */
  add(
    hint: string,
    type: string,
    params: Record<string, unknown>,
    inputs: readonly Value[],
    weights: Partial<Record<WeightName, WeightTensor>> = {},
  ): Value {
    const def = getLayerDef(type)!;
    const id = this.uniqueId(hint);
    const who = { id, name: `${type} '${id}'` };
    const values = def.resolve(params);
    const problems = def.check(params, values, who);
    const ev =
      problems.length > 0
        ? { ok: false as const, problems }
        : def.evaluate(
            values,
            inputs.map((v) => v.shape),
            PIXEL,
            who,
          );
    if (!ev.ok) {
      const text = ev.problems[0]?.message ?? 'rejected by the designer';
      throw new NodeProblem(`becomes ${text.replace(`${who.name}: `, `${type} `)}`);
    }
    this.nodes.push({ id, type, params });
    for (const v of inputs) this.edges.push({ source: v.id, target: id });
    for (const [name, t] of Object.entries(weights)) if (t) this.weights.set(`${id}/${name}`, t);
    return { id, shape: ev.shape };
  }

  /** The node with `id` (it must exist). */
  node(id: string): NetworkNode {
    return this.nodes.find((n) => n.id === id)!;
  }
}
