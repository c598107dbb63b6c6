/**
 * tfjs layers (as NetDesigner's engine saves them in `model.json`) → design nodes. Each supported
 * Keras class maps to one primitive; the pieces the compiler adds around a layer are folded back:
 * a `<id>_pad` ZeroPadding2D in front of a convolution or pooling becomes its explicit padding, and
 * a `<id>_act` LeakyReLU after a linear Conv2D/Dense becomes its activation.
 */
import { oneLine } from '../oneLine.ts';
import { z } from 'zod';
import type { NetworkNode } from '../../network/types.ts';

/** One layer of `modelTopology.config.layers` (only what the importer reads). */
export const tfjsLayerSchema = z.object({
  class_name: z.string(),
  name: z.string().min(1),
  config: z.record(z.string(), z.unknown()),
  inbound_nodes: z.array(z.array(z.array(z.unknown()))).default([]),
});
export type TfjsLayer = z.infer<typeof tfjsLayerSchema>;

/** The classes the importer understands, for the message that refuses another one. */
export const SUPPORTED_CLASSES = [
  'InputLayer',
  'Conv2D',
  'NetdDilatedConv2D',
  'MaxPooling2D',
  'NetdPaddedMaxPool2D',
  'AveragePooling2D',
  'ZeroPadding2D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'Flatten',
  'Dense',
  'BatchNormalization',
  'Activation',
  'LeakyReLU',
  'Dropout',
  'NetdLRN',
  'Add',
  'Concatenate',
] as const;

const ACTIVATIONS = new Set([
  'linear',
  'relu',
  'relu6',
  'elu',
  'sigmoid',
  'tanh',
  'softmax',
  'gelu',
]);

/** Thrown with one line per layer that cannot be imported. */
export class TfjsImportError extends Error {
  override name = 'TfjsImportError';
  readonly lines: string[];
  constructor(lines: string[]) {
    // One bounded line each, whatever names the file holds.
    const list = lines.map(oneLine);
    super(list.join('; '));
    this.lines = list;
  }
}

/** Reads a config value in snake_case (tfjs's serialisation) or camelCase. */
function cfg(layer: TfjsLayer, snake: string): unknown {
  const camel = snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return layer.config[snake] ?? layer.config[camel];
}

/** `[a, a]` → `a`, else the pair, as the design writes sizes. */
function compact(v: unknown): number | [number, number] {
  const [a, b] = Array.isArray(v) ? v.map(Number) : [Number(v), Number(v)];
  return a === b ? a! : [a!, b!];
}

/** The names of a layer's inputs, in order (first call of the layer only). */
export function inboundNames(layer: TfjsLayer): string[] {
  const call = layer.inbound_nodes[0] ?? [];
  return call.map((entry) => String(entry[0]));
}

/** Symmetric ZeroPadding2D amounts `[ph, pw]`, or null when asymmetric. */
export function symmetricPadding(layer: TfjsLayer): [number, number] | null {
  const p = cfg(layer, 'padding');
  if (typeof p === 'number') return [p, p];
  if (!Array.isArray(p) || p.length !== 2) return null;
  const [h, w] = p.map((a: unknown) => (Array.isArray(a) ? a.map(Number) : [Number(a), Number(a)]));
  if (!h || !w || h[0] !== h[1] || w[0] !== w[1]) return null;
  return [h[0]!, w[0]!];
}

/**
 * The design node of one layer; `padding` is a folded ZeroPadding2D in front of it (explicit
 * PyTorch-style padding). Returns a message instead when the layer cannot be expressed.
 */
export function layerToNode(
  layer: TfjsLayer,
  padding: [number, number] | null,
): NetworkNode | string {
  const node = (type: string, params: Record<string, unknown>): NetworkNode => ({
    id: layer.name,
    type,
    params,
  });
  const explicit = (fallback: unknown): unknown =>
    padding ? compact(padding) : fallback === 'same' ? 'same' : 'valid';
  const activation = (): string | null => {
    const a = String(cfg(layer, 'activation') ?? 'linear');
    return ACTIVATIONS.has(a) ? a : null;
  };
  switch (layer.class_name) {
    case 'InputLayer': {
      const shape = (cfg(layer, 'batch_input_shape') as unknown[] | undefined)?.slice(1);
      if (!shape || shape.length !== 3 || shape.some((d) => typeof d !== 'number'))
        return `input '${layer.name}' must be an image H×W×C with fixed sizes`;
      return node('Input', { shape });
    }
    case 'Conv2D':
    case 'NetdDilatedConv2D': {
      const act = layer.class_name === 'Conv2D' ? activation() : 'linear';
      if (act === null)
        return `Conv2D '${layer.name}': activation '${String(cfg(layer, 'activation'))}' is not one NetDesigner has`;
      const dilation = compact(cfg(layer, 'dilation_rate') ?? cfg(layer, 'dilation') ?? 1);
      return node('Conv2D', {
        filters: Number(cfg(layer, 'filters')),
        kernelSize: compact(cfg(layer, 'kernel_size')),
        strides: compact(cfg(layer, 'strides') ?? 1),
        padding: explicit(cfg(layer, 'padding')),
        ...(dilation !== 1 ? { dilation } : {}),
        ...(cfg(layer, 'use_bias') === false ? { useBias: false } : {}),
        ...(act !== 'linear' ? { activation: act } : {}),
      });
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D':
    case 'NetdPaddedMaxPool2D': {
      const own =
        layer.class_name === 'NetdPaddedMaxPool2D' ? compact(cfg(layer, 'padding')) : null;
      return node(layer.class_name === 'AveragePooling2D' ? 'AvgPool2D' : 'MaxPool2D', {
        poolSize: compact(cfg(layer, 'pool_size')),
        strides: compact(cfg(layer, 'strides') ?? cfg(layer, 'pool_size')),
        padding: own ?? explicit(cfg(layer, 'padding')),
      });
    }
    case 'GlobalAveragePooling2D':
      return node('GlobalAvgPool2D', {});
    case 'GlobalMaxPooling2D':
      return node('GlobalMaxPool2D', {});
    case 'Flatten':
      return node('Flatten', {});
    case 'Dense': {
      const act = activation();
      if (act === null)
        return `Dense '${layer.name}': activation '${String(cfg(layer, 'activation'))}' is not one NetDesigner has`;
      return node('Dense', {
        units: Number(cfg(layer, 'units')),
        ...(cfg(layer, 'use_bias') === false ? { useBias: false } : {}),
        ...(act !== 'linear' ? { activation: act } : {}),
      });
    }
    case 'BatchNormalization': {
      const axis = Number(cfg(layer, 'axis') ?? -1);
      if (axis !== -1 && axis !== 3)
        return `BatchNormalization '${layer.name}' normalises axis ${axis}; NetDesigner normalises channels (the last axis)`;
      // tfjs's momentum weighs the running value; the design's (PyTorch's) the new batch.
      const momentum = Number((1 - Number(cfg(layer, 'momentum') ?? 0.99)).toPrecision(12));
      return node('BatchNorm', { epsilon: Number(cfg(layer, 'epsilon') ?? 1e-3), momentum });
    }
    case 'Activation': {
      const act = activation();
      if (act === null || act === 'linear')
        return `Activation '${layer.name}': '${String(cfg(layer, 'activation'))}' is not one NetDesigner has`;
      return node('Activation', { fn: act });
    }
    case 'LeakyReLU': {
      const alpha = Number(cfg(layer, 'alpha') ?? 0.3);
      if (Math.abs(alpha - 0.01) > 1e-9)
        return `LeakyReLU '${layer.name}' has slope ${alpha}; NetDesigner's leakyRelu has PyTorch's 0.01`;
      return node('Activation', { fn: 'leakyRelu' });
    }
    case 'Dropout':
      return node('Dropout', { rate: Number(cfg(layer, 'rate')) });
    case 'NetdLRN':
      return node('LRN', {
        depthRadius: Number(cfg(layer, 'depth_radius')),
        bias: Number(cfg(layer, 'bias')),
        alpha: Number(cfg(layer, 'alpha')),
        beta: Number(cfg(layer, 'beta')),
      });
    case 'Add':
      return node('Add', {});
    case 'Concatenate': {
      const axis = Number(cfg(layer, 'axis') ?? -1);
      if (axis !== -1 && axis !== 3)
        return `Concatenate '${layer.name}' joins axis ${axis}; NetDesigner joins channels`;
      return node('Concat', {});
    }
    default:
      return `layer '${layer.name}' is a ${layer.class_name}, which NetDesigner cannot express (it reads ${SUPPORTED_CLASSES.join(', ')})`;
  }
}
