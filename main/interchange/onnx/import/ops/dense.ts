/** Gemm and MatMul (+ Add) → Dense; BatchNormalization → BatchNorm. */
import { floatAttr, intAttr } from '../../model.ts';
import { chwRowsToHwc, transpose2d } from '../../layout.ts';
import type { WeightTensor } from '../../../../weights/index.ts';
import type { ConstTensor } from '../../tensorData.ts';
import { onlyFirstOutput, requireConstant, type OpContext } from '../context.ts';
import { NodeProblem, type Value } from '../draft.ts';
import { float32Decimal } from './window.ts';

function vectorInput(ctx: OpContext): Value {
  const x = ctx.value(0);
  if (x.shape.length !== 1 || x.nhwc || x.pad)
    throw new NodeProblem(
      `reads a ${x.shape.join('×')} map; a fully connected layer needs a flat input (add Flatten)`,
    );
  return x;
}

/** A bias of `units` values: `[units]` or `[1, units]`, scaled by `beta`. */
function biasOf(c: ConstTensor, units: number, beta: number): WeightTensor {
  const n = c.dims.reduce((a, b) => a * b, 1);
  if (n !== units || c.dims.some((d, i) => i < c.dims.length - 1 && d !== 1))
    throw new NodeProblem(
      `bias has dims [${c.dims.join(', ')}]; NetDesigner's Dense takes one bias per unit (${units})`,
    );
  return { shape: [units], data: beta === 1 ? c.data : c.data.map((v) => v * beta) };
}

function addDense(ctx: OpContext, x: Value, kernel: WeightTensor, bias?: WeightTensor): Value {
  const [inputs, units] = kernel.shape as [number, number];
  if (inputs !== x.shape[0])
    throw new NodeProblem(`weight expects ${inputs} inputs but its input has ${x.shape[0]}`);
  // An NCHW flatten feeds C·H·W order; the design's Flatten yields H·W·C.
  const k = x.chw ? chwRowsToHwc(kernel, x.chw) : kernel;
  const params: Record<string, unknown> = { units };
  if (!bias) params.useBias = false;
  return ctx.draft.add(ctx.hint, 'Dense', params, [x], { kernel: k, ...(bias ? { bias } : {}) });
}

/** Gemm (Y = α·A·B′ + β·C) → Dense with kernel `[in, units]`. */
export function convertGemm(ctx: OpContext): void {
  const x = vectorInput(ctx);
  if (intAttr(ctx.node, 'transA', 0) !== 0)
    throw new NodeProblem('has transA 1; NetDesigner reads Gemm with the data as its first input');
  const b = requireConstant(ctx, 1, 'weight');
  if (b.dims.length !== 2) throw new NodeProblem(`weight has dims [${b.dims.join(', ')}]`);
  const alpha = floatAttr(ctx.node, 'alpha', 1);
  const beta = floatAttr(ctx.node, 'beta', 1);
  const transB = intAttr(ctx.node, 'transB', 0) === 1;
  let kernel: WeightTensor = transB ? transpose2d(b.data, b.dims) : { shape: b.dims, data: b.data };
  if (alpha !== 1) kernel = { shape: kernel.shape, data: kernel.data.map((v) => v * alpha) };
  const units = kernel.shape[1]!;
  const c = ctx.has(2) ? requireConstant(ctx, 2, 'bias') : undefined;
  ctx.output(addDense(ctx, x, kernel, c ? biasOf(c, units, beta) : undefined));
}

/** MatMul by a constant `[in, units]`, with the Add of a constant bias right after it folded in. */
export function convertMatMul(ctx: OpContext): void {
  const x = vectorInput(ctx);
  const w = requireConstant(ctx, 1, 'weight');
  if (w.dims.length !== 2)
    throw new NodeProblem(
      `multiplies by a [${w.dims.join(', ')}] tensor; NetDesigner imports MatMul by a constant matrix`,
    );
  const out = ctx.node.output[0]!;
  const readers = ctx.consumers(out);
  const add = readers.length === 1 && readers[0]!.opType === 'Add' ? readers[0]! : undefined;
  let bias: WeightTensor | undefined;
  if (add && !ctx.isGraphOutput(out)) {
    const other = add.input[0] === out ? 1 : 0;
    const c = ctx.constantNamed(add.input[other]!);
    if (c) bias = biasOf(c, w.dims[1]!, 1);
  }
  const v = addDense(ctx, x, { shape: w.dims, data: w.data }, bias);
  if (add && bias) {
    ctx.absorb(add);
    ctx.outputNamed(add.output[0]!, v);
  } else ctx.output(v);
}

/** BatchNormalization (inference form) → BatchNorm. */
export function convertBatchNorm(ctx: OpContext): void {
  const x = ctx.value(0);
  if (x.nhwc || x.pad) throw new NodeProblem('reads a tensor NetDesigner cannot normalise here');
  if (x.chw)
    throw new NodeProblem(
      'normalises an NCHW-flattened vector; NetDesigner normalises the flattened features in H·W·C order',
    );
  onlyFirstOutput(ctx, 'running statistics');
  if (intAttr(ctx.node, 'training_mode', 0) === 1)
    throw new NodeProblem('is in training mode; export the model in eval mode');
  const c = x.shape[x.shape.length - 1]!;
  const names = ['scale', 'bias', 'mean', 'variance'] as const;
  const [gamma, beta, mean, variance] = names.map((what, i) => {
    const t = requireConstant(ctx, i + 1, what);
    if (t.data.length !== c)
      throw new NodeProblem(`${what} has ${t.data.length} values for ${c} channels`);
    return { shape: [c], data: t.data };
  }) as [WeightTensor, WeightTensor, WeightTensor, WeightTensor];
  const params: Record<string, unknown> = {};
  const epsilon = float32Decimal(floatAttr(ctx.node, 'epsilon', 1e-5));
  if (epsilon !== 1e-5) params.epsilon = epsilon;
  // ONNX's momentum weighs the running value; the design's (PyTorch's) weighs the new batch.
  const momentum = float32Decimal(1 - float32Decimal(floatAttr(ctx.node, 'momentum', 0.9)));
  if (momentum !== 0.1) params.momentum = momentum;
  ctx.output(
    ctx.draft.add(ctx.hint, 'BatchNorm', params, [x], {
      gamma,
      beta,
      moving_mean: mean,
      moving_variance: variance,
    }),
  );
}
