/**
 * ONNX graph → design. Nodes are converted in dependency order by one converter per operator;
 * every node the design cannot express is reported (one sentence per operator and reason, naming
 * its nodes), and only a graph with no such node becomes a design — never a partial one.
 */
import type { NetworkDoc } from '../../../network/types.ts';
import { NETWORK_FORMAT, NETWORK_VERSION } from '../../../network/types.ts';
import type { Weights } from '../../../weights/index.ts';
import { OnnxError } from '../errors.ts';
import type { OnnxGraph, OnnxNode } from '../model.ts';
import type { ConstTensor } from '../tensorData.ts';
import { Skip, type OpContext } from './context.ts';
import { Draft, NodeProblem, type Value } from './draft.ts';
import { idHint } from './naming.ts';
import { convertBatchNorm, convertGemm, convertMatMul } from './ops/dense.ts';
import {
  convertActivation,
  convertAdd,
  convertConcat,
  convertFlatten,
  convertGeluChain,
  convertGlobalPool,
  convertPad,
  convertPassThrough,
  convertReshape,
  convertTranspose,
} from './ops/plumbing.ts';
import { convertConv, convertLrn, convertPool } from './ops/window.ts';

type Converter = (ctx: OpContext) => void;

const CONVERTERS: Record<string, Converter> = {
  Conv: convertConv,
  Gemm: convertGemm,
  MatMul: convertMatMul,
  Flatten: convertFlatten,
  Reshape: convertReshape,
  Transpose: convertTranspose,
  BatchNormalization: convertBatchNorm,
  Relu: convertActivation,
  LeakyRelu: convertActivation,
  Sigmoid: convertActivation,
  Tanh: convertActivation,
  Softmax: convertActivation,
  Gelu: convertActivation,
  Elu: convertActivation,
  Clip: convertActivation,
  Div: convertGeluChain,
  Sum: convertAdd,
  MaxPool: convertPool,
  AveragePool: convertPool,
  GlobalAveragePool: convertGlobalPool,
  GlobalMaxPool: convertGlobalPool,
  Concat: convertConcat,
  Add: convertAdd,
  Dropout: convertPassThrough,
  Identity: convertPassThrough,
  LRN: convertLrn,
  Pad: convertPad,
};

/** What the importer supports, for the message on an operator it does not. */
export const SUPPORTED_TEXT =
  'NetDesigner imports Conv, Gemm, MatMul (+ Add), Flatten, a flattening Reshape, ' +
  'BatchNormalization, Relu, LeakyRelu, Sigmoid, Tanh, Softmax, Gelu (or its Erf form), Elu, ' +
  'Clip as relu6, MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool, Concat, Add, Sum, ' +
  'Dropout, LRN, Identity and a zero Pad before a Conv';

/** Problems grouped by operator and reason: one sentence each. */
class Problems {
  private readonly groups = new Map<string, { op: string; text: string; nodes: string[] }>();
  add(node: OnnxNode, text: string, index: number): void {
    const key = `${node.opType}\u0000${text}`;
    const label = node.name || node.output[0] || `#${index}`;
    const g = this.groups.get(key) ?? { op: node.opType, text, nodes: [] };
    g.nodes.push(label);
    this.groups.set(key, g);
  }
  get size(): number {
    return this.groups.size;
  }
  lines(): string[] {
    return [...this.groups.values()].map(({ op, text, nodes }) => {
      const shown = nodes.slice(0, 3).map((n) => `'${n}'`);
      const more = nodes.length > 3 ? ` and ${nodes.length - 3} more` : '';
      const who = nodes.length === 1 ? `node ${shown[0]}` : `nodes ${shown.join(', ')}${more}`;
      return `${who} (${op}): ${text}`;
    });
  }
}

/**
 * Nodes in an order where every input is produced before it is read: the file's order when it is
 * one, else Kahn's algorithm — linear in nodes and edges (a node waits on a count of missing
 * inputs, not a rescan). A node in a cycle, or reading what nothing provides, is named.
 */
function dependencyOrder(graph: OnnxGraph, known: ReadonlySet<string>): OnnxNode[] {
  // ONNX requires nodes sorted already: then the file's order is the order.
  const seen = new Set(known);
  const sorted = graph.node.every((n) => {
    const ok = n.input.every((name) => name === '' || seen.has(name));
    for (const o of n.output) seen.add(o);
    return ok;
  });
  if (sorted) return graph.node;
  const ready = new Set(known);
  const missing = new Map<OnnxNode, number>();
  const waiting = new Map<string, OnnxNode[]>();
  const queue: OnnxNode[] = [];
  for (const n of graph.node) {
    let count = 0;
    for (const name of new Set(n.input)) {
      if (name === '' || ready.has(name)) continue;
      count++;
      const list = waiting.get(name);
      if (list) list.push(n);
      else waiting.set(name, [n]);
    }
    missing.set(n, count);
    if (count === 0) queue.push(n);
  }
  const order: OnnxNode[] = [];
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head]!;
    order.push(n);
    for (const o of n.output) {
      if (ready.has(o)) continue;
      ready.add(o);
      for (const w of waiting.get(o) ?? []) {
        const left = missing.get(w)! - 1;
        missing.set(w, left);
        if (left === 0) queue.push(w);
      }
    }
  }
  if (order.length < graph.node.length) {
    const n = graph.node.find((node) => missing.get(node)! > 0)!;
    const needs = n.input.find((name) => name !== '' && !ready.has(name));
    const produced = graph.node.some((other) => other.output.includes(needs ?? ''));
    throw new OnnxError(
      produced
        ? `node '${n.name || n.output[0]}' (${n.opType}) reads '${needs}', which is computed from the node's own output (the graph has a cycle)`
        : `node '${n.name || n.output[0]}' (${n.opType}) reads '${needs}', which no node, input or initializer provides`,
    );
  }
  return order;
}

/** The single image input, as a design Input node. */
function inputValue(graph: OnnxGraph, consts: ReadonlyMap<string, ConstTensor>, draft: Draft) {
  const inputs = graph.input.filter((i) => !consts.has(i.name));
  if (inputs.length !== 1)
    throw new OnnxError(
      `the model has ${inputs.length} inputs (${inputs.map((i) => `'${i.name}'`).join(', ') || 'none'}); NetDesigner imports models with one image input`,
    );
  const input = inputs[0]!;
  const tensor = input.type?.tensorType;
  if (tensor?.elemType !== undefined && tensor.elemType !== 1)
    throw new OnnxError(`input '${input.name}' is not float32 (element type ${tensor.elemType})`);
  const dims = tensor?.shape?.dim ?? [];
  if (dims.length !== 4)
    throw new OnnxError(
      `input '${input.name}' has rank ${dims.length}; NetDesigner imports N×C×H×W image models`,
    );
  const names = ['channels', 'height', 'width'];
  const chw = dims.slice(1).map((d, i) => {
    if (d.dimValue === undefined || d.dimValue < 1)
      throw new OnnxError(
        `input '${input.name}' has a dynamic ${names[i]}${d.dimParam ? ` ('${d.dimParam}')` : ''}; export the model with a fixed input size (only the batch may vary)`,
      );
    return d.dimValue;
  }) as [number, number, number];
  let v: Value;
  try {
    v = draft.add(
      idHint(input.name, 'input') || 'input',
      'Input',
      { shape: [chw[1], chw[2], chw[0]] },
      [],
    );
  } catch (err) {
    // Absurd sizes (2^40 pixels) are refused by the catalog, as for any design.
    if (err instanceof NodeProblem) throw new OnnxError(`input '${input.name}' ${err.message}`);
    throw err;
  }
  return { name: input.name, value: v };
}

/**
 * Converts a checked ONNX graph into a design (primitive layers; see `foldBlocks` for the classic
 * blocks) and its channels-last weights.
 *
 * @throws OnnxError with one line per operator/reason the design cannot express.
 */
export function convertGraph(
  graph: OnnxGraph,
  opset: number,
  consts: ReadonlyMap<string, ConstTensor>,
  name: string,
): { doc: NetworkDoc; weights: Weights } {
  const draft = new Draft();
  const input = inputValue(graph, consts, draft);
  const values = new Map<string, Value>([[input.name, input.value]]);
  const failed = new Set<string>();
  const consumers = new Map<string, OnnxNode[]>();
  for (const n of graph.node)
    for (const i of n.input) {
      const list = consumers.get(i);
      if (list) list.push(n);
      else consumers.set(i, [n]);
    }
  const graphOutputs = new Set(graph.output.map((o) => o.name));
  const absorbed = new Set<OnnxNode>();
  const problems = new Problems();
  const order = dependencyOrder(graph, new Set([...consts.keys(), input.name]));

  order.forEach((node, index) => {
    if (absorbed.has(node) || node.opType === 'Constant') return;
    if (node.opType === 'Identity' && consts.has(node.output[0] ?? '')) return;
    // Own keys only: an op_type such as `__proto__` or `toString` is an unknown operator.
    const convert =
      (node.domain && node.domain !== 'ai.onnx') || !Object.hasOwn(CONVERTERS, node.opType)
        ? undefined
        : CONVERTERS[node.opType];
    const fail = (text: string) => {
      problems.add(node, text, index);
      for (const o of node.output) failed.add(o);
    };
    if (!convert) {
      fail(
        `${node.domain && node.domain !== 'ai.onnx' ? `is a custom operator of domain '${node.domain}'` : 'has no NetDesigner layer'} — ${SUPPORTED_TEXT}`,
      );
      return;
    }
    const ctx: OpContext = {
      node,
      opset,
      draft,
      hint: idHint(node.name, node.opType),
      value(i) {
        const n = node.input[i];
        if (!n) throw new NodeProblem(`has no input ${i + 1}`);
        if (failed.has(n)) throw new Skip();
        const v = values.get(n);
        if (!v) throw new NodeProblem(`input '${n}' is a constant where NetDesigner needs data`);
        return v;
      },
      constant: (i) => (node.input[i] ? consts.get(node.input[i]!) : undefined),
      constantNamed: (n) => consts.get(n),
      has: (i) => Boolean(node.input[i]),
      output(v, i = 0) {
        values.set(node.output[i]!, v);
      },
      outputNamed: (n, v) => values.set(n, v),
      consumers: (n) => consumers.get(n) ?? [],
      isGraphOutput: (n) => graphOutputs.has(n),
      absorb: (other) => absorbed.add(other),
    };
    try {
      convert(ctx);
    } catch (err) {
      if (err instanceof Skip) for (const o of node.output) failed.add(o);
      else if (err instanceof NodeProblem) fail(err.message);
      else if (err instanceof OnnxError) fail(err.message);
      else throw err;
    }
  });

  if (problems.size > 0) throw new OnnxError(problems.lines());
  if (graph.output.length !== 1)
    throw new OnnxError(
      `the model has ${graph.output.length} outputs; NetDesigner imports models with one output`,
    );
  const out = values.get(graph.output[0]!.name);
  if (!out)
    throw new OnnxError(
      `the model's output '${graph.output[0]!.name}' is not computed from its input`,
    );
  if (out.chw || out.nhwc || out.pad)
    throw new OnnxError(
      `the model's output '${graph.output[0]!.name}' is an intermediate layout NetDesigner cannot end on`,
    );
  return {
    doc: {
      format: NETWORK_FORMAT,
      version: NETWORK_VERSION,
      name,
      nodes: draft.nodes,
      edges: draft.edges,
    },
    weights: draft.weights,
  };
}
