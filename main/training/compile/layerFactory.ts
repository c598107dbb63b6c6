/**
 * One primitive node → the tfjs layer(s) that compute it, applied to its input tensors. Each case
 * reproduces DESIGN.md's semantics exactly (PyTorch for explicit padding and BatchNorm momentum,
 * TensorFlow for 'same' and LRN), so the compiled model's parameter count equals the engine's.
 */
import type { SymbolicTensor } from '../backend/tfjs.ts';
import type { NetworkNode } from '../../network/types.ts';
import type { Tf } from '../backend/tf.ts';
import type { CustomLayers } from './customLayers.ts';
import { CompileError } from './errors.ts';
import { readParams, type ActivationName, type Pair, type PrimitiveType } from './params.ts';

/** PyTorch's `nn.LeakyReLU` default slope (tfjs defaults to 0.3). */
export const LEAKY_RELU_SLOPE = 0.01;

type Layer = InstanceType<Tf['layers']['Layer']>;

export interface LayerContext {
  tf: Tf;
  custom: CustomLayers;
  /** A unique, tfjs-safe layer name derived from `base` (a node id, maybe with a suffix). */
  name(base: string): string;
  /** Whether every input of node `id` is known to be ≥ 0 (see signs.ts). */
  inputsNonNegative(id: string): boolean;
}

function apply(layer: Layer, inputs: SymbolicTensor[]): SymbolicTensor {
  return layer.apply(inputs.length === 1 ? inputs[0]! : inputs) as SymbolicTensor;
}

/** tfjs's own activation ids cover all of ours but leakyRelu, whose default slope differs too. */
function activationId(
  fn: ActivationName,
): 'linear' | 'relu' | 'relu6' | 'elu' | 'sigmoid' | 'tanh' | 'softmax' | 'gelu' {
  return fn === 'leakyRelu' ? 'linear' : fn;
}

function activationLayer(ctx: LayerContext, fn: ActivationName, name: string): Layer {
  return fn === 'leakyRelu'
    ? ctx.tf.layers.leakyReLU({ alpha: LEAKY_RELU_SLOPE, name })
    : ctx.tf.layers.activation({ activation: activationId(fn), name });
}

/** Runs `x` through a separate leakyReLU layer when the fused activation could not express it. */
function afterFused(
  ctx: LayerContext,
  id: string,
  fn: ActivationName,
  x: SymbolicTensor,
): SymbolicTensor {
  return fn === 'leakyRelu' ? apply(activationLayer(ctx, fn, ctx.name(`${id}_act`)), [x]) : x;
}

function zeroPad(ctx: LayerContext, id: string, [ph, pw]: Pair, x: SymbolicTensor): SymbolicTensor {
  if (ph === 0 && pw === 0) return x;
  const layer = ctx.tf.layers.zeroPadding2d({
    padding: [
      [ph, ph],
      [pw, pw],
    ],
    name: ctx.name(`${id}_pad`),
  });
  return apply(layer, [x]);
}

function conv2d(ctx: LayerContext, node: NetworkNode, x: SymbolicTensor): SymbolicTensor {
  const { padding, dilation, kernel: kernelSize, strides, ...p } = readParams(node, 'Conv2D');
  // Explicit padding is symmetric zero padding (PyTorch); tfjs only knows same/valid.
  const input = typeof padding === 'string' ? x : zeroPad(ctx, node.id, padding, x);
  const tfPadding = typeof padding === 'string' ? padding : 'valid';
  if (dilation[0] > 1 || dilation[1] > 1) {
    const layer = ctx.custom.dilatedConv({
      filters: p.filters,
      kernelSize,
      strides,
      dilation,
      padding: tfPadding,
      useBias: p.useBias,
      name: ctx.name(node.id),
    });
    const y = apply(layer, [input]);
    return p.activation === 'linear'
      ? y
      : apply(activationLayer(ctx, p.activation, ctx.name(`${node.id}_act`)), [y]);
  }
  const layer = ctx.tf.layers.conv2d({
    filters: p.filters,
    kernelSize,
    strides,
    padding: tfPadding,
    useBias: p.useBias,
    activation: activationId(p.activation),
    name: ctx.name(node.id),
  });
  return afterFused(ctx, node.id, p.activation, apply(layer, [input]));
}

/** Whether TensorFlow's 'same' pads this axis exactly like PyTorch's symmetric padding `p`. */
function sameMatches(size: number, k: number, s: number, p: number): boolean {
  const out = Math.ceil(size / s);
  const total = Math.max((out - 1) * s + k - size, 0);
  return out === Math.floor((size + 2 * p - k) / s) + 1 && Math.floor(total / 2) === p;
}

/**
 * Max pooling with explicit padding, which PyTorch pads with −∞. Built-in layers when they are
 * exact — 'same' when it pads identically (windows see the same pixels; padding never wins a max),
 * or zero padding when the input is ≥ 0 — else the custom −∞ padding layer.
 */
function paddedMaxPool(
  ctx: LayerContext,
  id: string,
  cfg: { poolSize: Pair; strides: Pair; padding: Pair; name: string },
  x: SymbolicTensor,
): SymbolicTensor {
  const [, h, w] = x.shape;
  const { poolSize, strides, padding, name } = cfg;
  if (
    typeof h === 'number' &&
    typeof w === 'number' &&
    sameMatches(h, poolSize[0], strides[0], padding[0]) &&
    sameMatches(w, poolSize[1], strides[1], padding[1])
  ) {
    return apply(ctx.tf.layers.maxPooling2d({ poolSize, strides, padding: 'same', name }), [x]);
  }
  if (ctx.inputsNonNegative(id)) {
    const padded = zeroPad(ctx, id, padding, x);
    return apply(ctx.tf.layers.maxPooling2d({ poolSize, strides, padding: 'valid', name }), [
      padded,
    ]);
  }
  return apply(ctx.custom.paddedMaxPool(cfg), [x]);
}

function pool(
  ctx: LayerContext,
  node: NetworkNode,
  type: 'MaxPool2D' | 'AvgPool2D',
  x: SymbolicTensor,
): SymbolicTensor {
  const { kernel: poolSize, strides, padding } = readParams(node, type);
  const name = ctx.name(node.id);
  if (typeof padding !== 'string' && (padding[0] > 0 || padding[1] > 0)) {
    if (type === 'MaxPool2D')
      return paddedMaxPool(ctx, node.id, { poolSize, strides, padding, name }, x);
    // PyTorch's AvgPool2d counts the zero padding in the divisor by default (count_include_pad).
    const padded = zeroPad(ctx, node.id, padding, x);
    return apply(ctx.tf.layers.averagePooling2d({ poolSize, strides, padding: 'valid', name }), [
      padded,
    ]);
  }
  const tfPadding = padding === 'same' ? 'same' : 'valid';
  const layer =
    type === 'MaxPool2D'
      ? ctx.tf.layers.maxPooling2d({ poolSize, strides, padding: tfPadding, name })
      : ctx.tf.layers.averagePooling2d({ poolSize, strides, padding: tfPadding, name });
  return apply(layer, [x]);
}

/**
 * Builds the layers of one primitive node on its inputs (in input order).
 *
 * @throws CompileError for an unknown or composite type, or bad params.
 */
export function buildNode(
  ctx: LayerContext,
  node: NetworkNode,
  inputs: SymbolicTensor[],
): SymbolicTensor {
  const { tf } = ctx;
  const type = node.type as PrimitiveType;
  const x = inputs[0]!;
  switch (type) {
    case 'Conv2D':
      return conv2d(ctx, node, x);
    case 'MaxPool2D':
    case 'AvgPool2D':
      return pool(ctx, node, type, x);
    case 'GlobalAvgPool2D':
      return apply(tf.layers.globalAveragePooling2d({ name: ctx.name(node.id) }), [x]);
    case 'GlobalMaxPool2D':
      return apply(tf.layers.globalMaxPooling2d({ name: ctx.name(node.id) }), [x]);
    case 'Flatten':
      return apply(tf.layers.flatten({ name: ctx.name(node.id) }), [x]);
    case 'Dense': {
      const p = readParams(node, 'Dense');
      const layer = tf.layers.dense({
        units: p.units,
        useBias: p.useBias,
        activation: activationId(p.activation),
        name: ctx.name(node.id),
      });
      return afterFused(ctx, node.id, p.activation, apply(layer, [x]));
    }
    case 'BatchNorm': {
      const p = readParams(node, 'BatchNorm');
      // PyTorch's momentum weighs the new batch; Keras/tfjs's weighs the running value. Never pass
      // scale:false / center:false: tfjs 4.22 crashes in training without gamma/beta.
      const layer = tf.layers.batchNormalization({
        axis: -1,
        momentum: 1 - p.momentum,
        epsilon: p.epsilon,
        name: ctx.name(node.id),
      });
      return apply(layer, [x]);
    }
    case 'Activation': {
      const p = readParams(node, 'Activation');
      return apply(activationLayer(ctx, p.fn, ctx.name(node.id)), [x]);
    }
    case 'Dropout': {
      const p = readParams(node, 'Dropout');
      return apply(tf.layers.dropout({ rate: p.rate, name: ctx.name(node.id) }), [x]);
    }
    case 'LRN': {
      const p = readParams(node, 'LRN');
      return apply(ctx.custom.lrn({ ...p, name: ctx.name(node.id) }), [x]);
    }
    case 'Add':
      return apply(tf.layers.add({ name: ctx.name(node.id) }), inputs);
    case 'Concat':
      return apply(tf.layers.concatenate({ axis: -1, name: ctx.name(node.id) }), inputs);
    case 'Input':
      throw new CompileError(`Input '${node.id}' cannot take inputs`, node.id);
    default:
      throw new CompileError(`${node.type} '${node.id}' is not a layer the trainer knows`, node.id);
  }
}
