/** Conv, MaxPool and AveragePool: ONNX window attributes → the design's kernel, stride, padding. */
import { floatAttr, intAttr, intsAttr, stringAttr } from '../../model.ts';
import { oihwToHwio } from '../../layout.ts';
import { onlyFirstOutput, requireConstant, type OpContext } from '../context.ts';
import { NodeProblem, type Value } from '../draft.ts';
import {
  compactPadding,
  matchPadding,
  overhangs,
  samePadsNothing,
  type AxisWindow,
} from '../windows.ts';

const pairText = (a: readonly number[]) => (a[0] === a[1] ? String(a[0]) : `${a[0]}×${a[1]}`);

/** Input 0 as a map, with a preceding zero Pad folded in when `foldPad` allows it. */
function mapInput(ctx: OpContext, foldPad: boolean): { x: Value; extra: number[] } {
  const x = ctx.value(0);
  if (x.shape.length !== 3)
    throw new NodeProblem(
      `reads a flat vector of ${x.shape[0]}; it needs an N×C×H×W input (is a Flatten or global pool before it?)`,
    );
  if (x.nhwc) throw new NodeProblem('reads an NHWC-transposed tensor, which only Flatten may read');
  if (x.pad && !foldPad)
    throw new NodeProblem(
      `reads the output of Pad '${x.pad.by}'; a zero Pad folds only into a Conv or an AveragePool`,
    );
  return { x, extra: x.pad?.pads ?? [0, 0, 0, 0] };
}

/** The two spatial axes of a window op on `x`, or a problem for what the design cannot express. */
function axes(
  ctx: OpContext,
  x: Value,
  kernel: readonly number[],
  extra: readonly number[],
  ceil: boolean,
): [AxisWindow, AxisWindow] {
  const { node } = ctx;
  if (kernel.length !== 2)
    throw new NodeProblem(`is a ${kernel.length}-D window; NetDesigner has 2-D layers only`);
  const strides = intsAttr(node, 'strides', [1, 1]);
  const dilations = intsAttr(node, 'dilations', [1, 1]);
  const autoPad = stringAttr(node, 'auto_pad', 'NOTSET');
  const [h, w] = x.shape as [number, number, number];
  let pads = intsAttr(node, 'pads', [0, 0, 0, 0]);
  if (autoPad === 'VALID') pads = [0, 0, 0, 0];
  else if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const size = [h, w];
    const total = [0, 1].map((i) => {
      const out = Math.ceil(size[i]! / strides[i]!);
      return Math.max((out - 1) * strides[i]! + dilations[i]! * (kernel[i]! - 1) + 1 - size[i]!, 0);
    });
    // SAME_UPPER puts the odd pixel at the end (TensorFlow's 'same'), SAME_LOWER at the start.
    const begin = total.map((t) =>
      autoPad === 'SAME_UPPER' ? Math.floor(t / 2) : Math.ceil(t / 2),
    );
    pads = [begin[0]!, begin[1]!, total[0]! - begin[0]!, total[1]! - begin[1]!];
  } else if (autoPad !== 'NOTSET' && autoPad !== '')
    throw new NodeProblem(`has auto_pad '${autoPad}', which ONNX does not define`);
  const axis = (i: 0 | 1, size: number): AxisWindow => ({
    size,
    kernel: kernel[i]!,
    stride: strides[i]!,
    dilation: dilations[i]!,
    padBegin: pads[i]! + extra[i]!,
    padEnd: pads[i + 2]! + extra[i + 2]!,
    ceil,
  });
  return [axis(0, h), axis(1, w)];
}

function unexpressible(h: AxisWindow, w: AxisWindow, ceil: boolean): NodeProblem {
  return new NodeProblem(
    `pads [${h.padBegin}, ${w.padBegin}, ${h.padEnd}, ${w.padEnd}]${ceil ? ' with ceil_mode' : ''} at a ${h.size}×${w.size} input cannot be expressed: NetDesigner pads symmetrically or as TensorFlow's 'same'`,
  );
}

/** Conv → Conv2D (weights to `[kh, kw, I, O]`). */
export function convertConv(ctx: OpContext): void {
  const { x, extra } = mapInput(ctx, true);
  const w = requireConstant(ctx, 1, 'weight');
  if (w.dims.length !== 4)
    throw new NodeProblem(
      `has a ${w.dims.length - 2}-D kernel (weight dims [${w.dims.join(', ')}]); NetDesigner's Conv2D is 2-D`,
    );
  const group = intAttr(ctx.node, 'group', 1);
  if (group !== 1)
    throw new NodeProblem(
      `is a grouped convolution (group ${group}); NetDesigner's Conv2D has group 1 only`,
    );
  const [o, i, kh, kw] = w.dims as [number, number, number, number];
  const cin = x.shape[2]!;
  if (i !== cin)
    throw new NodeProblem(`weight expects ${i} input channels but its input has ${cin}`);
  const [ah, aw] = axes(ctx, x, [kh, kw], extra, false);
  const match = matchPadding(ah, aw);
  if (!match) throw unexpressible(ah, aw, false);
  const b = ctx.has(2) ? requireConstant(ctx, 2, 'bias') : undefined;
  const params: Record<string, unknown> = {
    filters: o,
    kernelSize: kh === kw ? kh : [kh, kw],
  };
  if (ah.stride !== 1 || aw.stride !== 1)
    params.strides = ah.stride === aw.stride ? ah.stride : [ah.stride, aw.stride];
  if (match.padding !== 'valid') params.padding = compactPadding(match.padding);
  if (ah.dilation !== 1 || aw.dilation !== 1)
    params.dilation = ah.dilation === aw.dilation ? ah.dilation : [ah.dilation, aw.dilation];
  if (!b) params.useBias = false;
  const kernel = oihwToHwio(w.data, w.dims);
  ctx.output(
    ctx.draft.add(ctx.hint, 'Conv2D', params, [x], {
      kernel,
      ...(b ? { bias: { shape: [o], data: b.data } } : {}),
    }),
  );
}

/** MaxPool / AveragePool → MaxPool2D / AvgPool2D (a 1×1 stride-1 pool is the identity). */
export function convertPool(ctx: OpContext): void {
  const isMax = ctx.node.opType === 'MaxPool';
  onlyFirstOutput(ctx, 'indices');
  const { x, extra } = mapInput(ctx, !isMax);
  const kernel = intsAttr(ctx.node, 'kernel_shape', []);
  const ceil = intAttr(ctx.node, 'ceil_mode', 0) === 1;
  const [ah, aw] = axes(ctx, x, kernel, extra, ceil);
  if (ah.dilation !== 1 || aw.dilation !== 1)
    throw new NodeProblem(
      `has dilations ${pairText([ah.dilation, aw.dilation])}; NetDesigner's pools are not dilated`,
    );
  const noPad = ah.padBegin + ah.padEnd + aw.padBegin + aw.padEnd === 0;
  if (ah.kernel === 1 && aw.kernel === 1 && ah.stride === 1 && aw.stride === 1 && noPad) {
    ctx.output(x); // PyTorch's AdaptiveAvgPool2d at its own output size exports as this.
    return;
  }
  const match = matchPadding(ah, aw);
  if (!match) throw unexpressible(ah, aw, ceil);
  if (!isMax) {
    // The divisor must agree too: explicit padding counts the zeros (count_include_pad), 'same'
    // counts only the input, and no window may reach past ONNX's declared padding.
    const include = intAttr(ctx.node, 'count_include_pad', 0) === 1;
    const padded = match.padding !== 'valid' && match.kind === 'explicit';
    if (padded && (!include || overhangs(ah) || overhangs(aw)))
      throw new NodeProblem(
        include
          ? 'ceil_mode windows reach past the padding, so their divisor differs from any NetDesigner pool'
          : "averages without counting the padding (count_include_pad 0) over symmetric padding; NetDesigner counts it for explicit padding and only 'same' excludes it",
      );
    if (match.kind === 'same' && include && !(samePadsNothing(ah) && samePadsNothing(aw)))
      throw new NodeProblem(
        "counts the padding (count_include_pad 1) in windows that match 'same', which does not count it",
      );
  }
  const params: Record<string, unknown> = {
    poolSize: ah.kernel === aw.kernel ? ah.kernel : [ah.kernel, aw.kernel],
  };
  if (ah.stride !== ah.kernel || aw.stride !== aw.kernel)
    params.strides = ah.stride === aw.stride ? ah.stride : [ah.stride, aw.stride];
  if (match.padding !== 'valid') params.padding = compactPadding(match.padding);
  ctx.output(ctx.draft.add(ctx.hint, isMax ? 'MaxPool2D' : 'AvgPool2D', params, [x]));
}

/** LRN → LRN (ONNX divides alpha by the window size; TensorFlow's does not). */
export function convertLrn(ctx: OpContext): void {
  const { x } = mapInput(ctx, false);
  const size = intAttr(ctx.node, 'size', 0);
  if (size < 1 || size % 2 === 0)
    throw new NodeProblem(
      `has size ${size}; NetDesigner's LRN window is centred (odd size 2·depthRadius + 1)`,
    );
  const alpha = floatAttr(ctx.node, 'alpha', 1e-4);
  const params = {
    depthRadius: (size - 1) / 2,
    bias: float32Decimal(floatAttr(ctx.node, 'bias', 1)),
    alpha: float32Decimal(alpha) / size,
    beta: float32Decimal(floatAttr(ctx.node, 'beta', 0.75)),
  };
  ctx.output(ctx.draft.add(ctx.hint, 'LRN', params, [x]));
}

/** The shortest decimal that rounds to the same float32 (0.8999999761581421 → 0.9). */
export function float32Decimal(v: number): number {
  const f = Math.fround(v);
  for (let digits = 1; digits <= 9; digits++) {
    const d = Number(v.toPrecision(digits));
    if (Math.fround(d) === f) return d;
  }
  return v;
}
