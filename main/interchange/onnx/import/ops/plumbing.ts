/**
 * Activations, reshaping and merging: Relu / LeakyRelu / Sigmoid / Tanh / Softmax / Gelu,
 * Flatten, the flattening Reshape, Transpose to NHWC before a flatten, Pad (folded later),
 * Identity, Dropout, Concat, Add and the global pools.
 */
import { floatAttr, intAttr, intsAttr, stringAttr } from '../../model.ts';
import { requireConstant, type OpContext } from '../context.ts';
import { float32Decimal } from './window.ts';
import { NodeProblem, type Value } from '../draft.ts';

const FUSABLE = new Set(['Conv2D', 'Dense']);

/** Activation node, or the producing Conv2D/Dense's own `activation` when it alone reads it. */
function activation(ctx: OpContext, fn: string): void {
  const x = ctx.value(0);
  if (x.nhwc || x.pad) throw new NodeProblem('reads a tensor that only Flatten/Conv may read');
  const producer = ctx.draft.node(x.id);
  const source = ctx.node.input[0]!;
  if (
    FUSABLE.has(producer.type) &&
    producer.params.activation === undefined &&
    ctx.consumers(source).length === 1 &&
    !ctx.isGraphOutput(source) &&
    !x.chw
  ) {
    producer.params.activation = fn;
    ctx.output(x);
    return;
  }
  const v = ctx.draft.add(ctx.hint, 'Activation', { fn }, [x]);
  ctx.output({ ...v, ...(x.chw ? { chw: x.chw } : {}) });
}

/** Relu, Sigmoid, Tanh, LeakyRelu (slope 0.01), Gelu (exact), Softmax (over channels). */
export function convertActivation(ctx: OpContext): void {
  const op = ctx.node.opType;
  if (op === 'Relu') return activation(ctx, 'relu');
  if (op === 'Sigmoid') return activation(ctx, 'sigmoid');
  if (op === 'Tanh') return activation(ctx, 'tanh');
  if (op === 'LeakyRelu') {
    const alpha = floatAttr(ctx.node, 'alpha', 0.01);
    if (Math.fround(alpha) !== Math.fround(0.01))
      throw new NodeProblem(
        `has slope ${float32Decimal(alpha)}; NetDesigner's leakyRelu uses PyTorch's default 0.01`,
      );
    return activation(ctx, 'leakyRelu');
  }
  if (op === 'Elu') {
    if (Math.fround(floatAttr(ctx.node, 'alpha', 1)) !== 1)
      throw new NodeProblem("has an alpha other than 1; NetDesigner's elu uses 1");
    return activation(ctx, 'elu');
  }
  if (op === 'Clip') {
    const bound = (i: number) =>
      ctx.has(i) ? requireConstant(ctx, i, 'bound').data[0] : undefined;
    const [lo, hi] =
      ctx.opset >= 11
        ? [bound(1), bound(2)]
        : [floatAttr(ctx.node, 'min', -Infinity), floatAttr(ctx.node, 'max', Infinity)];
    if (lo !== 0 || hi !== 6)
      throw new NodeProblem(
        `clips to [${lo ?? '−∞'}, ${hi ?? '∞'}]; NetDesigner imports Clip only as relu6 ([0, 6])`,
      );
    return activation(ctx, 'relu6');
  }
  if (op === 'Gelu') {
    if (stringAttr(ctx.node, 'approximate', 'none') !== 'none')
      throw new NodeProblem(
        "uses the tanh approximation; NetDesigner's gelu is the exact (erf) one",
      );
    return activation(ctx, 'gelu');
  }
  // Softmax: the design applies it over the last (channel) axis.
  const x = ctx.value(0);
  const rank = x.shape.length === 1 ? 2 : 4;
  const axis = intAttr(ctx.node, 'axis', ctx.opset >= 13 ? -1 : 1);
  const channelAxis = (axis + rank) % rank === 1;
  const coerced = ctx.opset < 13 && rank === 4; // opsets < 13 flatten everything after `axis`
  if (!channelAxis || coerced || x.chw)
    throw new NodeProblem(
      `normalises over axis ${axis} of a rank-${rank} tensor; NetDesigner's softmax runs over the channels (axis 1) or the features of a vector`,
    );
  activation(ctx, 'softmax');
}

/** Flatten (axis 1): a Flatten node on a map, nothing on a vector. */
export function convertFlatten(ctx: OpContext): void {
  const axis = intAttr(ctx.node, 'axis', 1);
  if (axis !== 1) throw new NodeProblem(`flattens from axis ${axis}; NetDesigner flattens from 1`);
  flatten(ctx);
}

function flatten(ctx: OpContext): void {
  const x = ctx.value(0);
  if (x.pad) throw new NodeProblem('reads a padded tensor');
  if (x.shape.length === 1) return ctx.output(x);
  const v = ctx.draft.add(ctx.hint, 'Flatten', {}, [x]);
  const [h, w, c] = x.shape as [number, number, number];
  // After Transpose(0,2,3,1) ONNX flattens H·W·C, as the design does; else C·H·W.
  ctx.output(x.nhwc || h * w === 1 ? v : { ...v, chw: [c, h, w] });
}

/** Reshape to `[batch, features]`: the flatten PyTorch writes as `x.view(x.size(0), -1)`. */
export function convertReshape(ctx: OpContext): void {
  const x = ctx.value(0);
  const target = requireConstant(ctx, 1, 'shape').ints ?? [];
  const n = x.shape.reduce((a, b) => a * b, 1);
  const flat =
    target.length === 2 &&
    (target[0] === 0 || target[0] === -1 || target[0] === 1) &&
    (target[1] === -1 || target[1] === n);
  if (!flat)
    throw new NodeProblem(
      `reshapes to [${target.join(', ')}]; NetDesigner imports only the Reshape that flattens to [batch, ${n}]`,
    );
  flatten(ctx);
}

/** Transpose(0, 2, 3, 1) right before a flatten: NHWC element order, as the design flattens. */
export function convertTranspose(ctx: OpContext): void {
  const x = ctx.value(0);
  const perm = intsAttr(ctx.node, 'perm', []);
  const readers = ctx.consumers(ctx.node.output[0]!);
  const ok =
    x.shape.length === 3 &&
    perm.join(',') === '0,2,3,1' &&
    readers.length > 0 &&
    readers.every((r) => r.opType === 'Flatten' || r.opType === 'Reshape');
  if (!ok)
    throw new NodeProblem(
      `permutes axes [${perm.join(', ')}]; NetDesigner imports a Transpose only as NCHW→NHWC right before a Flatten`,
    );
  ctx.output({ ...x, nhwc: true });
}

/** Pad with zeros on H and W only: remembered and folded into the Conv/AveragePool reading it. */
export function convertPad(ctx: OpContext): void {
  const x = ctx.value(0);
  const mode = stringAttr(ctx.node, 'mode', 'constant');
  const pads =
    ctx.opset >= 11 ? (requireConstant(ctx, 1, 'pads').ints ?? []) : intsAttr(ctx.node, 'pads', []);
  const value =
    ctx.opset >= 11
      ? ctx.has(2)
        ? requireConstant(ctx, 2, 'value').data[0]
        : 0
      : floatAttr(ctx.node, 'value', 0);
  if (mode !== 'constant' || value !== 0)
    throw new NodeProblem(
      `pads with ${mode === 'constant' ? `the value ${value}` : `mode '${mode}'`}; NetDesigner folds only zero padding into a Conv or AveragePool`,
    );
  if (ctx.has(3)) throw new NodeProblem('pads selected axes only; NetDesigner folds 4-D Pads');
  if (x.shape.length !== 3 || pads.length !== 8 || [0, 1, 4, 5].some((i) => pads[i] !== 0))
    throw new NodeProblem(
      `pads [${pads.join(', ')}]; NetDesigner folds a Pad only on height and width of an N×C×H×W tensor`,
    );
  const readers = ctx.consumers(ctx.node.output[0]!);
  const foldable =
    readers.length > 0 && readers.every((r) => r.opType === 'Conv' || r.opType === 'AveragePool');
  if (!foldable || ctx.isGraphOutput(ctx.node.output[0]!))
    throw new NodeProblem(
      'is not read by a Conv or AveragePool alone, so it cannot be folded into one',
    );
  const [t, l, b, r] = [pads[2]!, pads[3]!, pads[6]!, pads[7]!];
  const prior = x.pad?.pads ?? [0, 0, 0, 0];
  ctx.output({
    ...x,
    pad: {
      pads: [t + prior[0], l + prior[1], b + prior[2], r + prior[3]],
      by: ctx.node.name ?? ctx.hint,
    },
  });
}

/** Identity and inference-mode Dropout pass their input on; Dropout keeps its rate. */
export function convertPassThrough(ctx: OpContext): void {
  const x = ctx.value(0);
  if (ctx.node.opType === 'Identity') return ctx.output(x);
  const mask = ctx.node.output[1];
  if (mask && (ctx.consumers(mask).length > 0 || ctx.isGraphOutput(mask)))
    throw new NodeProblem('its mask output is used; NetDesigner keeps only the data');
  if (ctx.has(2) && (requireConstant(ctx, 2, 'training_mode').data[0] ?? 0) !== 0)
    throw new NodeProblem('is in training mode; export the model in eval mode');
  const rate =
    ctx.opset >= 12
      ? ctx.has(1)
        ? requireConstant(ctx, 1, 'ratio').data[0]!
        : 0.5
      : floatAttr(ctx.node, 'ratio', 0.5);
  const r = Number(Math.fround(rate).toPrecision(6));
  const v = ctx.draft.add(ctx.hint, 'Dropout', r === 0.5 ? {} : { rate: r }, [x]);
  ctx.output({ ...v, ...(x.chw ? { chw: x.chw } : {}) });
}

function mergeInputs(ctx: OpContext): Value[] {
  const inputs = ctx.node.input.map((_, i) => ctx.value(i));
  if (inputs.some((v) => v.nhwc || v.pad || v.chw))
    throw new NodeProblem('merges tensors NetDesigner keeps in another layout here');
  return inputs;
}

/** Concat along the channels of N×C×H×W tensors → Concat. */
export function convertConcat(ctx: OpContext): void {
  const inputs = mergeInputs(ctx);
  const axis = intAttr(ctx.node, 'axis', 1);
  const maps = inputs.every((v) => v.shape.length === 3) && (axis === 1 || axis === -3);
  const vectors = inputs.every((v) => v.shape.length === 1) && (axis === 1 || axis === -1);
  if (!maps && !vectors)
    throw new NodeProblem(
      `concatenates along axis ${axis}; NetDesigner's Concat joins the channels (axis 1) of N×C×H×W tensors or the features of vectors`,
    );
  ctx.output(ctx.draft.add(ctx.hint, 'Concat', {}, inputs));
}

/** Add (or n-ary Sum) of computed tensors of equal shape → Add (a constant addend: see MatMul). */
export function convertAdd(ctx: OpContext): void {
  if (ctx.constant(0) || ctx.constant(1))
    throw new NodeProblem(
      'adds a constant; NetDesigner imports a constant Add only as the bias right after a MatMul',
    );
  const inputs = mergeInputs(ctx);
  const shapes = [...new Set(inputs.map((v) => v.shape.join('×')))];
  if (shapes.length > 1)
    throw new NodeProblem(
      `adds tensors of shapes ${shapes.join(' and ')}; NetDesigner's Add needs equal shapes (no broadcasting)`,
    );
  ctx.output(ctx.draft.add(ctx.hint, 'Add', {}, inputs));
}

/** GlobalAveragePool / GlobalMaxPool → the design's global pools, whose output is a vector. */
export function convertGlobalPool(ctx: OpContext): void {
  const x = ctx.value(0);
  if (x.shape.length !== 3 || x.pad || x.nhwc) throw new NodeProblem('needs an N×C×H×W input');
  const type = ctx.node.opType === 'GlobalAveragePool' ? 'GlobalAvgPool2D' : 'GlobalMaxPool2D';
  // ONNX keeps N×C×1×1; the design's vector [C] is what the Flatten after it would give.
  ctx.output(ctx.draft.add(ctx.hint, type, {}, [x]));
}

const near = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) < 1e-6;

/**
 * The exact GELU as opset-13 exporters write it (PyTorch and NetDesigner alike):
 * Div(x, √2) → Erf → Add 1 → Mul by x → Mul ½. The Div is where the chain is recognised.
 */
export function convertGeluChain(ctx: OpContext): void {
  const only = (name: string, op: string) => {
    const readers = ctx.consumers(name);
    return readers.length === 1 && readers[0]!.opType === op && !ctx.isGraphOutput(name)
      ? readers[0]!
      : undefined;
  };
  const x = ctx.node.input[0]!;
  const scalar = (name: string | undefined) =>
    name === undefined ? undefined : ctx.constantNamed(name)?.data[0];
  const other = (n: { input: string[] }, known: string) => n.input.find((i) => i !== known);
  const erf = near(scalar(ctx.node.input[1]), Math.SQRT2)
    ? only(ctx.node.output[0]!, 'Erf')
    : undefined;
  const plus = erf && only(erf.output[0]!, 'Add');
  const times =
    plus && near(scalar(other(plus, erf.output[0]!)), 1) ? only(plus.output[0]!, 'Mul') : undefined;
  const half =
    times && plus && other(times, plus.output[0]!) === x
      ? only(times.output[0]!, 'Mul')
      : undefined;
  if (!erf || !plus || !times || !half || !near(scalar(other(half, times.output[0]!)), 0.5))
    throw new NodeProblem(
      'divides; NetDesigner imports Div only as the start of an exact GELU (x·½(1 + erf(x/√2)))',
    );
  for (const n of [erf, plus, times, half]) ctx.absorb(n);
  const v = ctx.value(0);
  const producer = ctx.draft.node(v.id);
  const readers = ctx.consumers(x);
  // x feeds the Div and the Mul of the chain: a Conv2D/Dense read only by them takes it fused.
  if (
    FUSABLE.has(producer.type) &&
    producer.params.activation === undefined &&
    readers.length === 2 &&
    readers.includes(times) &&
    !ctx.isGraphOutput(x) &&
    !v.chw
  ) {
    producer.params.activation = 'gelu';
    ctx.outputNamed(half.output[0]!, v);
    return;
  }
  ctx.outputNamed(half.output[0]!, ctx.draft.add(ctx.hint, 'Activation', { fn: 'gelu' }, [v]));
}
