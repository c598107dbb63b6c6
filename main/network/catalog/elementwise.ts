/** Layers that keep the shape: BatchNorm, Activation, Dropout, LRN. */
import type { ReceptiveField, Shape } from '../types.ts';
import { fmtFloat, fmtInt } from './format.ts';
import { defineLayer, NO_COUNTS, sameRf } from './layerDef.ts';
import { ACTIVATIONS, param, type ActivationName } from './params.ts';
import { flatInputProblem } from './spatial.ts';

const keep = (_p: unknown, [input]: readonly Shape[]) => ({ shape: input! });
const lastDim = (s: Shape): number => s[s.length - 1]!;

interface BatchNormParams {
  epsilon: number;
  momentum: number;
}

export const batchNorm = defineLayer<BatchNormParams>({
  type: 'BatchNorm',
  group: 'Normalization',
  description:
    'Normalises each channel over the batch, then scales and shifts it; speeds up training.',
  params: [
    param({
      name: 'epsilon',
      kind: 'float',
      label: 'Epsilon',
      description: 'Added to the variance to avoid dividing by zero, so it must be above 0.',
      default: 1e-5,
      // 0 would divide by zero on a constant channel (PyTorch gives NaN; Keras refuses it).
      min: 0,
      minExclusive: true,
      max: 1,
    }),
    param({
      name: 'momentum',
      kind: 'float',
      label: 'Momentum',
      description: 'Weight of the new batch in the running averages (PyTorch convention).',
      default: 0.1,
      min: 0,
      max: 1,
    }),
  ],
  initialParams: {},
  minInputs: 1,
  maxInputs: 1,
  read: (v) => ({ epsilon: v.epsilon as number, momentum: v.momentum as number }),
  shape: keep,
  counts: (_p, [input]) => ({
    trainable: 2 * lastDim(input!),
    nonTrainable: 2 * lastDim(input!),
    macs: 0,
  }),
  receptiveField: sameRf,
  summary: (p) => `ε ${fmtFloat(p.epsilon)}`,
  formulas: (_p, [input]) => {
    const c = lastDim(input!);
    return [
      `params = 2·${c} (γ, β) = ${fmtInt(2 * c)} trainable`,
      `running mean, variance = 2·${c} = ${fmtInt(2 * c)} non-trainable`,
    ];
  },
});

const ACTIVATION_FNS = ACTIVATIONS.filter((a) => a !== 'linear');

export const activation = defineLayer<{ fn: ActivationName }>({
  type: 'Activation',
  group: 'Activation',
  description: 'Applies a non-linearity element by element (ReLU, sigmoid, softmax…).',
  params: [
    param({
      name: 'fn',
      kind: 'enum',
      label: 'Function',
      description: 'The non-linearity.',
      default: 'relu',
      options: ACTIVATION_FNS,
    }),
  ],
  initialParams: {},
  minInputs: 1,
  maxInputs: 1,
  read: (v) => ({ fn: v.fn as ActivationName }),
  shape: keep,
  counts: () => NO_COUNTS,
  receptiveField: sameRf,
  summary: (p) => p.fn,
  formulas: () => ['params = 0'],
});

export const dropout = defineLayer<{ rate: number }>({
  type: 'Dropout',
  group: 'Regularization',
  description:
    'While training, zeroes a random fraction of values to fight overfitting; does nothing at test time.',
  params: [
    param({
      name: 'rate',
      kind: 'float',
      label: 'Rate',
      description: 'Fraction of values dropped while training.',
      default: 0.5,
      min: 0,
      max: 0.99,
    }),
  ],
  initialParams: {},
  minInputs: 1,
  maxInputs: 1,
  read: (v) => ({ rate: v.rate as number }),
  shape: keep,
  counts: () => NO_COUNTS,
  receptiveField: sameRf,
  summary: (p) => `${Number((p.rate * 100).toPrecision(3))}%`,
  formulas: () => ['params = 0'],
});

interface LrnParams {
  depthRadius: number;
  bias: number;
  alpha: number;
  beta: number;
}

export const lrn = defineLayer<LrnParams>({
  type: 'LRN',
  group: 'Normalization',
  description: 'Local response normalisation across neighbouring channels (AlexNet, GoogLeNet).',
  params: [
    param({
      name: 'depthRadius',
      kind: 'int',
      label: 'Depth radius',
      description: 'Channels on each side in the normalisation window.',
      default: 2,
      min: 0,
      max: 1024,
    }),
    param({
      name: 'bias',
      kind: 'float',
      label: 'Bias',
      description: 'Added before the power (k).',
      default: 1,
      min: 0,
      max: 1e6,
    }),
    param({
      name: 'alpha',
      kind: 'float',
      label: 'Alpha',
      description: 'Scale of the squared sum.',
      default: 1e-4,
      min: 0,
      max: 1e6,
    }),
    param({
      name: 'beta',
      kind: 'float',
      label: 'Beta',
      description: 'Exponent.',
      default: 0.75,
      min: 0,
      max: 100,
    }),
  ],
  initialParams: {},
  minInputs: 1,
  maxInputs: 1,
  read: (v) => ({
    depthRadius: v.depthRadius as number,
    bias: v.bias as number,
    alpha: v.alpha as number,
    beta: v.beta as number,
  }),
  shape: (_p, [input], who) =>
    flatInputProblem(input!, who, 'put it right after a convolution') ?? { shape: input! },
  counts: () => NO_COUNTS,
  receptiveField: sameRf,
  summary: (p) => `r${p.depthRadius} · α ${fmtFloat(p.alpha)} · β ${fmtFloat(p.beta)}`,
  formulas: (p) => [
    `out = x / (${fmtFloat(p.bias)} + ${fmtFloat(p.alpha)}·Σ x² over ${2 * p.depthRadius + 1} channels)^${fmtFloat(p.beta)}`,
    'params = 0',
  ],
});

/** Input's receptive field: one pixel. */
export const PIXEL_RF: ReceptiveField = { size: [1, 1], jump: [1, 1] };
