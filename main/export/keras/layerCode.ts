/**
 * One design node → the Keras 3 functional-API line(s) that compute it. Semantics follow
 * DESIGN.md exactly as the tfjs engine compiles them: explicit padding is PyTorch's symmetric zero
 * padding (−∞ for max pooling), `'same'` is TensorFlow's, BatchNorm momentum is converted
 * (Keras = 1 − PyTorch), leakyRelu has PyTorch's slope 0.01.
 */
import { getLayerDef } from '../../network/catalog/registry.ts';
import type { NetworkNode, Shape } from '../../network/types.ts';
import { readParams, type Pair, type PrimitiveType } from '../../training/compile/params.ts';
import { pyNumber } from '../pytorch/pythonNames.ts';

/** Thrown for a node the Keras export cannot write; the message names it. */
export class KerasExportError extends Error {
  override name = 'KerasExportError';
}

/** Keras layer name of a (possibly expanded) node id: Keras 3 refuses "/" in names. */
export function kerasLayerName(id: string): string {
  return id.replaceAll('/', '_');
}

/** What the code of one node needs to know about its surroundings. */
export interface NodeContext {
  /** Python expressions of the inputs, in input order. */
  inputs: string[];
  /** Input shape (first input), from analysis. */
  inputShape: Shape | null;
  /** Whether every input is known to be ≥ 0 (zero padding is then exact for max pooling). */
  inputsNonNegative: boolean;
}

/** The code of one node: statements that end with the node's value assigned to `target`. */
export interface LayerCode {
  lines: string[];
  /** Helper definitions from netd_keras.py that the lines use. */
  helpers: string[];
}

const str = (s: string): string => JSON.stringify(s);
const pair = ([a, b]: readonly [number, number]): string => (a === b ? String(a) : `(${a}, ${b})`);
const num = (v: number): string => pyNumber(Number(v.toPrecision(12)));

/** Keras's activation id for ours (leakyRelu needs its own layer: Keras's default slope is 0.3). */
function activation(fn: string): string {
  return fn === 'leakyRelu' ? 'linear' : fn;
}

function leaky(name: string): string {
  return `layers.LeakyReLU(negative_slope=0.01, name=${str(name)})`;
}

/** Whether TensorFlow's 'same' pads this axis exactly like PyTorch's symmetric padding `p`. */
function sameMatches(size: number, k: number, s: number, p: number): boolean {
  const out = Math.ceil(size / s);
  const total = Math.max((out - 1) * s + k - size, 0);
  return out === Math.floor((size + 2 * p - k) / s) + 1 && Math.floor(total / 2) === p;
}

/**
 * Lines computing `node` into the Python variable `target`.
 * @throws KerasExportError for a type Keras cannot express here.
 */
export function layerCode(node: NetworkNode, target: string, ctx: NodeContext): LayerCode {
  const name = kerasLayerName(node.id);
  const x = ctx.inputs[0] ?? 'x';
  const lines: string[] = [];
  const helpers: string[] = [];
  const emit = (expr: string, input: string): void => {
    lines.push(`${target} = ${expr}(${input})`);
  };
  /** Explicit padding as its own layer; returns the expression the main layer reads. */
  const pad = (padding: Pair, layer = 'layers.ZeroPadding2D'): string => {
    if (padding[0] === 0 && padding[1] === 0) return x;
    lines.push(`${target} = ${layer}(${pair(padding)}, name=${str(`${name}_pad`)})(${x})`);
    return target;
  };
  const type = node.type as PrimitiveType | 'Inception' | 'ResidualBlock';
  switch (type) {
    case 'Conv2D': {
      const p = readParams(node, 'Conv2D');
      const input = typeof p.padding === 'string' ? x : pad(p.padding);
      const args = [
        String(p.filters),
        pair(p.kernel),
        ...(p.strides[0] !== 1 || p.strides[1] !== 1 ? [`strides=${pair(p.strides)}`] : []),
        ...(p.padding === 'same' ? ['padding="same"'] : []),
        ...(p.dilation[0] !== 1 || p.dilation[1] !== 1
          ? [`dilation_rate=${pair(p.dilation)}`]
          : []),
        ...(p.useBias ? [] : ['use_bias=False']),
        ...(activation(p.activation) !== 'linear'
          ? [`activation=${str(activation(p.activation))}`]
          : []),
        `name=${str(name)}`,
      ];
      emit(`layers.Conv2D(${args.join(', ')})`, input);
      if (p.activation === 'leakyRelu') emit(leaky(`${name}_act`), target);
      break;
    }
    case 'MaxPool2D':
    case 'AvgPool2D': {
      const p = readParams(node, type);
      const cls = type === 'MaxPool2D' ? 'layers.MaxPooling2D' : 'layers.AveragePooling2D';
      const strides = `strides=${pair(p.strides)}`;
      let input = x;
      let padding = p.padding === 'same' ? ', padding="same"' : '';
      if (typeof p.padding !== 'string' && (p.padding[0] > 0 || p.padding[1] > 0)) {
        const [h, w] = ctx.inputShape ?? [];
        const same =
          type === 'MaxPool2D' &&
          h !== undefined &&
          w !== undefined &&
          sameMatches(h, p.kernel[0], p.strides[0], p.padding[0]) &&
          sameMatches(w, p.kernel[1], p.strides[1], p.padding[1]);
        if (same)
          padding = ', padding="same"'; // pads exactly as PyTorch here, and padding never wins a max
        else if (type === 'AvgPool2D' || ctx.inputsNonNegative) input = pad(p.padding);
        else {
          helpers.push('MaxPoolPadding2D');
          input = pad(p.padding, 'MaxPoolPadding2D');
        }
      }
      emit(`${cls}(${pair(p.kernel)}, ${strides}${padding}, name=${str(name)})`, input);
      break;
    }
    case 'GlobalAvgPool2D':
      emit(`layers.GlobalAveragePooling2D(name=${str(name)})`, x);
      break;
    case 'GlobalMaxPool2D':
      emit(`layers.GlobalMaxPooling2D(name=${str(name)})`, x);
      break;
    case 'Flatten':
      emit(`layers.Flatten(name=${str(name)})`, x);
      break;
    case 'Dense': {
      const p = readParams(node, 'Dense');
      const args = [
        String(p.units),
        ...(p.useBias ? [] : ['use_bias=False']),
        ...(activation(p.activation) !== 'linear'
          ? [`activation=${str(activation(p.activation))}`]
          : []),
        `name=${str(name)}`,
      ];
      emit(`layers.Dense(${args.join(', ')})`, x);
      if (p.activation === 'leakyRelu') emit(leaky(`${name}_act`), target);
      break;
    }
    case 'BatchNorm': {
      const p = readParams(node, 'BatchNorm');
      // PyTorch's momentum weighs the new batch; Keras's weighs the running value.
      emit(
        `layers.BatchNormalization(epsilon=${num(p.epsilon)}, momentum=${num(1 - p.momentum)}, name=${str(name)})`,
        x,
      );
      break;
    }
    case 'Activation': {
      const p = readParams(node, 'Activation');
      emit(
        p.fn === 'leakyRelu' ? leaky(name) : `layers.Activation(${str(p.fn)}, name=${str(name)})`,
        x,
      );
      break;
    }
    case 'Dropout':
      emit(`layers.Dropout(${num(readParams(node, 'Dropout').rate)}, name=${str(name)})`, x);
      break;
    case 'LRN': {
      const p = readParams(node, 'LRN');
      helpers.push('LocalResponseNormalization');
      emit(
        `LocalResponseNormalization(depth_radius=${p.depthRadius}, bias=${num(p.bias)}, alpha=${num(p.alpha)}, beta=${num(p.beta)}, name=${str(name)})`,
        x,
      );
      break;
    }
    case 'Add':
      emit(`layers.Add(name=${str(name)})`, `[${ctx.inputs.join(', ')}]`);
      break;
    case 'Concat':
      emit(`layers.Concatenate(name=${str(name)})`, `[${ctx.inputs.join(', ')}]`);
      break;
    case 'ResidualBlock': {
      const def = getLayerDef('ResidualBlock')!;
      const p = def.read(def.resolveAll(node.params)) as {
        variant: string;
        filters: number;
        strides: number;
      };
      helpers.push('padded_conv', 'residual_block');
      lines.push(
        `${target} = residual_block(${x}, ${p.filters}, strides=${p.strides}, variant=${str(p.variant)}, name=${str(name)})`,
      );
      break;
    }
    case 'Inception': {
      const def = getLayerDef('Inception')!;
      const p = def.read(def.resolveAll(node.params)) as Record<string, number | boolean>;
      helpers.push('inception_module');
      const bn = p.batchNorm ? ', batch_norm=True' : '';
      lines.push(
        `${target} = inception_module(${x}, ${p.b1}, ${p.b3r}, ${p.b3}, ${p.b5r}, ${p.b5}, ${p.poolProj}${bn}, name=${str(name)})`,
      );
      break;
    }
    default:
      throw new KerasExportError(`${node.type} '${node.id}' cannot be exported to Keras`);
  }
  return { lines, helpers };
}
