/**
 * One design node → the PyTorch it becomes: the attribute(s) `__init__` creates and the expression
 * `forward` evaluates. Each case reproduces DESIGN.md's semantics exactly as the tfjs compiler does
 * (TensorFlow 'same' padding — asymmetric where TF pads asymmetrically —, −∞ max-pool padding,
 * average pooling's divisor, TF LRN, PyTorch BatchNorm momentum, leaky ReLU slope 0.01).
 */
import { pair } from '../../network/catalog/params.ts';
import { readPadding, type Padding } from '../../network/catalog/spatial.ts';
import { resolveParams } from '../../network/index.ts';
import type { NetworkNode, Shape } from '../../network/types.ts';
import { pyNumber, pyPair, type PythonNames } from './pythonNames.ts';

/** Helper classes from netd_torch/layers.py a design may need (copied into the model file). */
export type HelperClass = 'TFSameAvgPool2d' | 'ConvUnit' | 'Inception' | 'ResidualBlock';

export interface NodeCode {
  /** `(attribute, constructor expression)` pairs, in the order `__init__` creates them. */
  modules: [string, string][];
  /** The attribute that carries the node's weights and the comment (the last module), if any. */
  main?: string;
  /** The Python expression of the node's output, given its input expressions in input order. */
  call(args: string[]): string;
  helpers: HelperClass[];
  /** Design weight prefix (`<expanded node id>`) → module path, for every layer with weights. */
  layers: [string, string][];
}

/** Thrown when a node cannot be written as PyTorch; the message names the node. */
export class ExportError extends Error {
  override name = 'ExportError';
  constructor(
    message: string,
    readonly nodeId?: string,
  ) {
    super(message);
  }
}

/** PyTorch's nn.LeakyReLU default slope, which the designer uses too. */
const LEAKY_SLOPE = 0.01;

const num = (v: unknown): number => v as number;

/** `F.relu(e)` and friends for a fused activation; `linear` leaves the expression alone. */
export function activationCall(fn: string, e: string): string {
  switch (fn) {
    case 'linear':
      return e;
    case 'relu':
      return `F.relu(${e})`;
    case 'relu6':
      return `F.relu6(${e})`;
    case 'leakyRelu':
      return `F.leaky_relu(${e}, ${LEAKY_SLOPE})`;
    case 'elu':
      return `F.elu(${e})`;
    case 'sigmoid':
      return `torch.sigmoid(${e})`;
    case 'tanh':
      return `torch.tanh(${e})`;
    case 'softmax':
      return `F.softmax(${e}, dim=1)`;
    case 'gelu':
      return `F.gelu(${e})`;
    default:
      throw new ExportError(`activation '${fn}' has no PyTorch counterpart`);
  }
}

function activationModule(fn: string): string {
  const modules: Record<string, string> = {
    linear: 'nn.Identity()',
    relu: 'nn.ReLU()',
    relu6: 'nn.ReLU6()',
    leakyRelu: `nn.LeakyReLU(${LEAKY_SLOPE})`,
    elu: 'nn.ELU()',
    sigmoid: 'nn.Sigmoid()',
    tanh: 'nn.Tanh()',
    softmax: 'nn.Softmax(dim=1)',
    gelu: 'nn.GELU()',
  };
  const m = modules[fn];
  if (!m) throw new ExportError(`activation '${fn}' has no PyTorch counterpart`);
  return m;
}

/** TensorFlow's 'same' padding of one axis: [before, after], the odd pixel after. */
export function sameAxisPads(size: number, k: number, s: number, d = 1): [number, number] {
  const out = Math.ceil(size / s);
  const total = Math.max((out - 1) * s + d * (k - 1) + 1 - size, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

interface WindowPads {
  /** Symmetric padding PyTorch's layer can take itself, or null when it must be padded first. */
  symmetric: [number, number] | null;
  /** (left, right, top, bottom), as F.pad / nn.ZeroPad2d take it. */
  explicit: [number, number, number, number];
}

function windowPads(
  input: Shape,
  k: [number, number],
  s: [number, number],
  d: [number, number],
  padding: Padding,
): WindowPads {
  if (padding === 'valid') return { symmetric: [0, 0], explicit: [0, 0, 0, 0] };
  if (padding !== 'same') {
    const [ph, pw] = padding;
    return { symmetric: [ph, pw], explicit: [pw, pw, ph, ph] };
  }
  const [top, bottom] = sameAxisPads(input[0]!, k[0], s[0], d[0]);
  const [left, right] = sameAxisPads(input[1]!, k[1], s[1], d[1]);
  return {
    symmetric: top === bottom && left === right ? [top, left] : null,
    explicit: [left, right, top, bottom],
  };
}

const padTuple = (p: readonly number[]): string => `(${p.join(', ')})`;

/** `, stride=2, padding=1` — only the arguments that differ from PyTorch's defaults. */
function kwargs(entries: [string, string, boolean][]): string {
  return entries
    .filter(([, , keep]) => keep)
    .map(([k, v]) => `, ${k}=${v}`)
    .join('');
}

const isOne = ([a, b]: [number, number]) => a === 1 && b === 1;
const isZero = ([a, b]: [number, number]) => a === 0 && b === 0;

function conv2d(
  node: NetworkNode,
  p: Record<string, unknown>,
  input: Shape,
  names: PythonNames,
): NodeCode {
  const attr = names.of(node.id);
  const k = pair(p.kernelSize);
  const s = pair(p.strides);
  const d = pair(p.dilation);
  const pads = windowPads(input, k, s, d, readPadding(p.padding));
  const padding = pads.symmetric ?? [0, 0];
  const conv = `nn.Conv2d(${input[2]}, ${num(p.filters)}, ${pyPair(k)}${kwargs([
    ['stride', pyPair(s), !isOne(s)],
    ['padding', pyPair(padding), !isZero(padding)],
    ['dilation', pyPair(d), !isOne(d)],
    ['bias', 'False', p.useBias === false],
  ])})`;
  const modules: [string, string][] = [];
  let pad: string | null = null;
  if (!pads.symmetric) {
    pad = names.derived(`${attr}_pad`);
    modules.push([
      pad,
      `nn.ZeroPad2d(${padTuple(pads.explicit)})  # TensorFlow 'same': odd pixel bottom/right`,
    ]);
  }
  modules.push([attr, conv]);
  const fn = String(p.activation ?? 'linear');
  return {
    modules,
    main: attr,
    call: ([x]) => activationCall(fn, `self.${attr}(${pad ? `self.${pad}(${x})` : x})`),
    helpers: [],
    layers: [[node.id, attr]],
  };
}

function pool(
  node: NetworkNode,
  p: Record<string, unknown>,
  input: Shape,
  names: PythonNames,
  max: boolean,
): NodeCode {
  const attr = names.of(node.id);
  const k = pair(p.poolSize);
  const s = pair(p.strides);
  const padding = readPadding(p.padding);
  const pads = windowPads(input, k, s, [1, 1], padding);
  const strideArg = s[0] === k[0] && s[1] === k[1] ? '' : `, stride=${pyPair(s)}`;
  const layer = max ? 'nn.MaxPool2d' : 'nn.AvgPool2d';
  // PyTorch pools take at most half the window as padding; beyond that we pad first.
  const fits =
    pads.symmetric !== null && pads.symmetric[0] <= k[0] / 2 && pads.symmetric[1] <= k[1] / 2;
  const modules: [string, string][] = [];
  let pre: string | null = null;
  const helpers: HelperClass[] = [];
  if (fits && pads.symmetric && !isZero(pads.symmetric)) {
    // Max pooling pads with −∞ itself; 'same' average pooling leaves padding out of the divisor.
    const exclude = !max && padding === 'same' ? ', count_include_pad=False' : '';
    modules.push([
      attr,
      `${layer}(${pyPair(k)}${strideArg}, padding=${pyPair(pads.symmetric)}${exclude})`,
    ]);
  } else if (fits) {
    modules.push([attr, `${layer}(${pyPair(k)}${strideArg})`]);
  } else if (!max && padding === 'same') {
    modules.push([
      attr,
      `TFSameAvgPool2d(${padTuple(k)}, ${padTuple(s)}, ${padTuple(pads.explicit)})`,
    ]);
    helpers.push('TFSameAvgPool2d');
  } else {
    pre = names.derived(`${attr}_pad`);
    modules.push([
      pre,
      max
        ? `nn.ConstantPad2d(${padTuple(pads.explicit)}, float("-inf"))  # padding never wins a max`
        : `nn.ZeroPad2d(${padTuple(pads.explicit)})  # zeros count in the average, as in PyTorch`,
    ]);
    modules.push([attr, `${layer}(${pyPair(k)}${strideArg})`]);
  }
  return {
    modules,
    main: attr,
    call: ([x]) => `self.${attr}(${pre ? `self.${pre}(${x})` : x})`,
    helpers,
    layers: [],
  };
}

function inception(
  node: NetworkNode,
  p: Record<string, unknown>,
  input: Shape,
  names: PythonNames,
): NodeCode {
  const attr = names.of(node.id);
  const bn = p.batchNorm === true;
  const args = ['b1', 'b3r', 'b3', 'b5r', 'b5'].map((b) => `${b}=${num(p[b])}`);
  const ctor = `Inception(${input[2]}, ${args.join(', ')}, pool_proj=${num(p.poolProj)}${bn ? ', batch_norm=True' : ''})`;
  const layers: [string, string][] = [];
  for (const [branch, py] of [
    ['b1', 'b1'],
    ['b3r', 'b3r'],
    ['b3', 'b3'],
    ['b5r', 'b5r'],
    ['b5', 'b5'],
    ['poolProj', 'pool_proj'],
  ] as const) {
    if (num(p[branch]) <= 0) continue;
    layers.push([`${node.id}/${branch}`, `${attr}.${py}.conv`]);
    if (bn) layers.push([`${node.id}/${branch}/bn`, `${attr}.${py}.bn`]);
  }
  return {
    modules: [[attr, ctor]],
    main: attr,
    call: ([x]) => `self.${attr}(${x})`,
    helpers: ['ConvUnit', 'Inception'],
    layers,
  };
}

function residual(
  node: NetworkNode,
  p: Record<string, unknown>,
  input: Shape,
  output: Shape,
  names: PythonNames,
): NodeCode {
  const attr = names.of(node.id);
  const bottleneck = p.variant === 'bottleneck';
  const stride = num(p.strides);
  // DESIGN.md: identity exactly when the block keeps the shape, else a 1×1 projection.
  const projection = input.length !== output.length || input.some((v, i) => v !== output[i]);
  const ctor = `ResidualBlock(${input[2]}, ${num(p.filters)}, stride=${stride}, bottleneck=${bottleneck ? 'True' : 'False'}, projection=${projection ? 'True' : 'False'})`;
  const layers: [string, string][] = [];
  for (let i = 1; i <= (bottleneck ? 3 : 2); i++) {
    layers.push(
      [`${node.id}/conv${i}`, `${attr}.conv${i}`],
      [`${node.id}/bn${i}`, `${attr}.bn${i}`],
    );
  }
  if (projection) {
    layers.push(
      [`${node.id}/shortcut/conv`, `${attr}.shortcut.conv`],
      [`${node.id}/shortcut/bn`, `${attr}.shortcut.bn`],
    );
  }
  return {
    modules: [[attr, ctor]],
    main: attr,
    call: ([x]) => `self.${attr}(${x})`,
    helpers: ['ResidualBlock'],
    layers,
  };
}

function simple(attr: string, ctor: string, layers: [string, string][] = []): NodeCode {
  return {
    modules: [[attr, ctor]],
    main: attr,
    call: ([x]) => `self.${attr}(${x})`,
    helpers: [],
    layers,
  };
}

/**
 * The PyTorch code of one node with known input shapes (channels-last, batch omitted).
 *
 * @throws ExportError for a node type this exporter does not know.
 */
export function nodeCode(
  node: NetworkNode,
  inputs: readonly Shape[],
  output: Shape,
  names: PythonNames,
): NodeCode {
  const p = resolveParams(node);
  const input = inputs[0] ?? [];
  const spatial = input.length === 3;
  switch (node.type) {
    case 'Conv2D':
      return conv2d(node, p, input, names);
    case 'MaxPool2D':
    case 'AvgPool2D':
      return pool(node, p, input, names, node.type === 'MaxPool2D');
    case 'GlobalAvgPool2D':
    case 'GlobalMaxPool2D': {
      const attr = names.of(node.id);
      const layer = node.type === 'GlobalAvgPool2D' ? 'AdaptiveAvgPool2d' : 'AdaptiveMaxPool2d';
      return {
        modules: [[attr, `nn.${layer}(1)`]],
        main: attr,
        call: ([x]) => `torch.flatten(self.${attr}(${x}), 1)`,
        helpers: [],
        layers: [],
      };
    }
    case 'Flatten':
      return {
        modules: [],
        // The designer flattens channels-last (H·W·C); permuting first keeps Dense weights meaning
        // the same in both engines.
        call: ([x]) =>
          spatial ? `torch.flatten(${x}.permute(0, 2, 3, 1), 1)` : `torch.flatten(${x}, 1)`,
        helpers: [],
        layers: [],
      };
    case 'Dense': {
      const attr = names.of(node.id);
      const bias = p.useBias === false ? ', bias=False' : '';
      const fn = String(p.activation ?? 'linear');
      return {
        modules: [[attr, `nn.Linear(${input[0]}, ${num(p.units)}${bias})`]],
        main: attr,
        call: ([x]) => activationCall(fn, `self.${attr}(${x})`),
        helpers: [],
        layers: [[node.id, attr]],
      };
    }
    case 'BatchNorm': {
      const c = input[input.length - 1]!;
      const eps = num(p.epsilon);
      const momentum = num(p.momentum);
      const args = kwargs([
        ['eps', pyNumber(eps), eps !== 1e-5],
        ['momentum', pyNumber(momentum), momentum !== 0.1],
      ]);
      return simple(names.of(node.id), `nn.BatchNorm${spatial ? '2d' : '1d'}(${c}${args})`, [
        [node.id, names.of(node.id)],
      ]);
    }
    case 'Activation':
      return simple(names.of(node.id), activationModule(String(p.fn ?? 'relu')));
    case 'Dropout':
      return simple(names.of(node.id), `nn.Dropout(${pyNumber(num(p.rate))})`);
    case 'LRN': {
      const attr = names.of(node.id);
      const size = 2 * num(p.depthRadius) + 1;
      // TensorFlow sums over the window; PyTorch averages, so alpha is scaled by the window size.
      const ctor = `nn.LocalResponseNorm(${size}, alpha=${pyNumber(num(p.alpha))} * ${size}, beta=${pyNumber(num(p.beta))}, k=${pyNumber(num(p.bias))})`;
      return {
        modules: [[attr, ctor]],
        main: attr,
        call: ([x]) =>
          spatial ? `self.${attr}(${x})` : `self.${attr}(${x}.unsqueeze(-1)).squeeze(-1)`,
        helpers: [],
        layers: [],
      };
    }
    case 'Add':
      return { modules: [], call: (args) => args.join(' + '), helpers: [], layers: [] };
    case 'Concat':
      return {
        modules: [],
        call: (args) => `torch.cat([${args.join(', ')}], 1)`,
        helpers: [],
        layers: [],
      };
    case 'Inception':
      return inception(node, p, input, names);
    case 'ResidualBlock':
      return residual(node, p, input, output, names);
    default:
      throw new ExportError(`${node.type} '${node.id}' cannot be exported to PyTorch`, node.id);
  }
}
