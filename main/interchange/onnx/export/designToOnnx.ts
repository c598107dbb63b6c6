/**
 * Design + weights → an ONNX model (opset 13) that computes exactly what the designer's tfjs
 * engine computes.
 *
 * Layout: the model takes N×C×H×W input and works in NCHW throughout, like a PyTorch export, so
 * it drops into the same pipelines. Weights are converted from the design's channels-last
 * layouts; a Flatten of an H×W×C map is written as Transpose(0,2,3,1) + Flatten, so the Dense
 * after it keeps the design's row order. TensorFlow's asymmetric 'same' padding becomes explicit
 * pads for the layer's input size; explicit padding is PyTorch's (zeros for Conv, −∞ for
 * MaxPool, counted zeros for AvgPool), 'same' average pooling does not count the padding;
 * LRN's alpha is scaled by the window size (ONNX divides it back).
 */
import { analyzeNetwork } from '../../../network/analyze.ts';
import { resolveParams } from '../../../network/catalog/registry.ts';
import { pair } from '../../../network/catalog/params.ts';
import { expandComposites } from '../../../network/expand.ts';
import type { NetworkDoc, NetworkNode, Shape } from '../../../network/types.ts';
import type { Weights, WeightTensor } from '../../../weights/index.ts';
import { OnnxError } from '../errors.ts';
import { hwioToOihw, transpose2d } from '../layout.ts';
import { encodeModelProto } from '../proto.ts';
import { attribute, Emitter } from './emitter.ts';

/** The opset written: the first with Softmax over one axis and Clip bounds as inputs. */
export const EXPORT_OPSET = 13;
const IR_VERSION = 7;

type Padding = 'valid' | 'same' | [number, number];

function readPadding(v: unknown): Padding {
  return v === 'same' || v === 'valid' ? v : pair(v);
}

/** ONNX pads [top, left, bottom, right] for the design's padding at input `h×w`. */
function padsFor(
  padding: Padding,
  [h, w]: readonly number[],
  kernel: [number, number],
  strides: [number, number],
  dilation: [number, number],
): number[] {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (padding !== 'same') return [padding[0], padding[1], padding[0], padding[1]];
  const total = [h!, w!].map((size, i) => {
    const out = Math.ceil(size / strides[i]!);
    return Math.max((out - 1) * strides[i]! + dilation[i]! * (kernel[i]! - 1) + 1 - size, 0);
  });
  // TensorFlow puts the odd pixel at the end.
  const begin = total.map((t) => Math.floor(t / 2));
  return [begin[0]!, begin[1]!, total[0]! - begin[0]!, total[1]! - begin[1]!];
}

interface Ctx {
  e: Emitter;
  weights: Weights;
  /** ONNX tensor name of each design node's output. */
  tensors: Map<string, string>;
}

function tensorOf(ctx: Ctx, id: string, weight: string): WeightTensor {
  const t = ctx.weights.get(`${id}/${weight}`);
  if (!t) throw new OnnxError(`the weights have no tensor '${id}/${weight}'`);
  return t;
}

/** Writes the activation `fn` after `x`; returns the output name. */
function activation(ctx: Ctx, owner: string, fn: string, x: string, out: string): string {
  const { e } = ctx;
  switch (fn) {
    case 'linear':
      return e.node('Identity', owner, [x], [], out);
    case 'relu':
      return e.node('Relu', owner, [x], [], out);
    case 'sigmoid':
      return e.node('Sigmoid', owner, [x], [], out);
    case 'tanh':
      return e.node('Tanh', owner, [x], [], out);
    case 'elu':
      return e.node('Elu', owner, [x], [attribute('alpha', 1, true)], out);
    case 'leakyRelu':
      return e.node('LeakyRelu', owner, [x], [attribute('alpha', 0.01, true)], out);
    case 'softmax':
      return e.node('Softmax', owner, [x], [attribute('axis', 1)], out);
    case 'relu6':
      return e.node(
        'Clip',
        owner,
        [x, e.scalar(`${owner}/clip_min`, 0), e.scalar(`${owner}/clip_max`, 6)],
        [],
        out,
      );
    case 'gelu': {
      // Opset 13 has no Gelu: x · ½(1 + erf(x/√2)), as tfjs computes it.
      const scaled = e.node('Div', owner, [x, e.scalar(`${owner}/sqrt2`, Math.SQRT2)]);
      const erf = e.node('Erf', owner, [scaled]);
      const plus = e.node('Add', owner, [erf, e.scalar(`${owner}/one`, 1)]);
      const times = e.node('Mul', owner, [x, plus]);
      return e.node('Mul', owner, [times, e.scalar(`${owner}/half`, 0.5)], [], out);
    }
    default:
      throw new OnnxError(`activation '${fn}' has no ONNX form`);
  }
}

/** Emits one primitive node; returns its output tensor name. */
function emitNode(ctx: Ctx, node: NetworkNode, inputs: string[], inShape: Shape): string {
  const { e } = ctx;
  const p = resolveParams(node);
  const id = node.id;
  const x = inputs[0]!;
  switch (node.type) {
    case 'Conv2D': {
      const k = tensorOf(ctx, id, 'kernel');
      const w = hwioToOihw(k.data, k.shape);
      const kernel = pair(p.kernelSize);
      const strides = pair(p.strides);
      const dilation = pair(p.dilation);
      const ins = [x, e.weight(`${id}/weight`, w.shape, w.data)];
      if (p.useBias)
        ins.push(e.weight(`${id}/bias`, [p.filters as number], tensorOf(ctx, id, 'bias').data));
      const attrs = [
        attribute('dilations', dilation),
        attribute('group', 1),
        attribute('kernel_shape', kernel),
        attribute('pads', padsFor(readPadding(p.padding), inShape, kernel, strides, dilation)),
        attribute('strides', strides),
      ];
      const fn = p.activation as string;
      const conv = e.node('Conv', id, ins, attrs, fn === 'linear' ? id : undefined);
      return fn === 'linear' ? conv : activation(ctx, id, fn, conv, id);
    }
    case 'MaxPool2D':
    case 'AvgPool2D': {
      const kernel = pair(p.poolSize);
      const strides = pair(p.strides);
      const padding = readPadding(p.padding);
      const attrs = [
        attribute('kernel_shape', kernel),
        attribute('pads', padsFor(padding, inShape, kernel, strides, [1, 1])),
        attribute('strides', strides),
      ];
      if (node.type === 'MaxPool2D') return e.node('MaxPool', id, [x], attrs, id);
      // Explicit padding counts its zeros (PyTorch); 'same' averages the input pixels only.
      const counted = Array.isArray(padding) && (padding[0] > 0 || padding[1] > 0);
      attrs.push(attribute('count_include_pad', counted ? 1 : 0));
      return e.node('AveragePool', id, [x], attrs, id);
    }
    case 'GlobalAvgPool2D':
    case 'GlobalMaxPool2D': {
      const op = node.type === 'GlobalAvgPool2D' ? 'GlobalAveragePool' : 'GlobalMaxPool';
      return e.node('Flatten', id, [e.node(op, id, [x])], [attribute('axis', 1)], id);
    }
    case 'Flatten': {
      if (inShape.length === 1) return e.node('Identity', id, [x], [], id);
      const spatial = inShape[0]! * inShape[1]! > 1;
      const nhwc = spatial ? e.node('Transpose', id, [x], [attribute('perm', [0, 2, 3, 1])]) : x;
      return e.node('Flatten', id, [nhwc], [attribute('axis', 1)], id);
    }
    case 'Dense': {
      const k = tensorOf(ctx, id, 'kernel');
      const w = transpose2d(k.data, k.shape);
      const ins = [x, e.weight(`${id}/weight`, w.shape, w.data)];
      if (p.useBias)
        ins.push(e.weight(`${id}/bias`, [p.units as number], tensorOf(ctx, id, 'bias').data));
      const fn = p.activation as string;
      const gemm = e.node(
        'Gemm',
        id,
        ins,
        [attribute('transB', 1)],
        fn === 'linear' ? id : undefined,
      );
      return fn === 'linear' ? gemm : activation(ctx, id, fn, gemm, id);
    }
    case 'BatchNorm': {
      const c = inShape[inShape.length - 1]!;
      const names = ['gamma', 'beta', 'moving_mean', 'moving_variance'] as const;
      const onnx = ['weight', 'bias', 'running_mean', 'running_var'];
      const ins = names.map((n, i) => e.weight(`${id}/${onnx[i]}`, [c], tensorOf(ctx, id, n).data));
      return e.node(
        'BatchNormalization',
        id,
        [x, ...ins],
        [
          attribute('epsilon', p.epsilon as number, true),
          attribute('momentum', 1 - (p.momentum as number), true),
        ],
        id,
      );
    }
    case 'Activation':
      return activation(ctx, id, p.fn as string, x, id);
    case 'Dropout':
      return e.node('Dropout', id, [x, e.scalar(`${id}/ratio`, p.rate as number)], [], id);
    case 'LRN': {
      const size = 2 * (p.depthRadius as number) + 1;
      return e.node(
        'LRN',
        id,
        [x],
        [
          attribute('alpha', (p.alpha as number) * size, true),
          attribute('beta', p.beta as number, true),
          attribute('bias', p.bias as number, true),
          attribute('size', size),
        ],
        id,
      );
    }
    case 'Add':
      return e.node(inputs.length === 2 ? 'Add' : 'Sum', id, inputs, [], id);
    case 'Concat':
      return e.node('Concat', id, inputs, [attribute('axis', 1)], id);
    default:
      throw new OnnxError(`${node.type} '${id}' has no ONNX form`);
  }
}

const valueInfo = (name: string, dims: (number | string)[]) => ({
  name,
  type: {
    tensorType: {
      elemType: 1,
      shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
    },
  },
});

/**
 * Encodes a valid design and its weights (`<nodeId>/<weight>`, channels-last) as ONNX bytes.
 *
 * @throws OnnxError when the design has errors, is not one input → one output, or a weight is
 *   missing.
 */
export function designToOnnx(doc: NetworkDoc, weights: Weights, producerVersion = '0'): Uint8Array {
  const flat = expandComposites(doc);
  const analysis = analyzeNetwork(flat);
  if (!analysis.valid) {
    const first = analysis.problems.find((p) => p.severity === 'error');
    throw new OnnxError(`the design has errors: ${first?.message ?? 'see netd inspect'}`);
  }
  const byId = new Map(flat.nodes.map((n) => [n.id, n]));
  const inputs = flat.nodes.filter((n) => n.type === 'Input');
  const hasOut = new Set(flat.edges.map((e) => e.source));
  const sinks = flat.nodes.filter((n) => !hasOut.has(n.id) && n.type !== 'Input');
  if (inputs.length !== 1 || sinks.length !== 1)
    throw new OnnxError(
      `ONNX export needs one Input and one output layer; the design has ${inputs.length} and ${sinks.length}`,
    );
  const ctx: Ctx = { e: new Emitter(), weights, tensors: new Map() };
  const input = inputs[0]!;
  ctx.tensors.set(input.id, input.id);
  for (const id of analysis.order) {
    const node = byId.get(id)!;
    if (node.type === 'Input') continue;
    const ins = flat.edges.filter((e) => e.target === id).map((e) => ctx.tensors.get(e.source)!);
    const inShape = analysis.nodes[id]!.inputShapes[0]!;
    ctx.tensors.set(id, emitNode(ctx, node, ins, inShape));
  }
  const [h, w, c] = analysis.nodes[input.id]!.outputShape as [number, number, number];
  const sink = sinks[0]!;
  const outShape = analysis.nodes[sink.id]!.outputShape!;
  const outDims =
    outShape.length === 3 ? [outShape[2]!, outShape[0]!, outShape[1]!] : [...outShape];
  const model = {
    irVersion: IR_VERSION,
    producerName: 'NetDesigner',
    producerVersion,
    opsetImport: [{ domain: '', version: EXPORT_OPSET }],
    graph: {
      name: doc.name || 'network',
      node: ctx.e.nodes,
      initializer: ctx.e.initializers,
      input: [valueInfo(input.id, ['batch', c, h, w])],
      output: [valueInfo(ctx.tensors.get(sink.id)!, ['batch', ...outDims])],
    },
  };
  return encodeModelProto(model);
}
