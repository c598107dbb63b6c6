/** Param specs shared by several layer types, so their labels and ranges never drift apart. */
import type { ParamSpec } from '../types.ts';
import { ACTIVATIONS, MAX_DIM, param } from './params.ts';

/** A window-size param (`kernelSize`, `poolSize`): one number or `[h, w]`, at least 1. */
export const kernelParam = (name: string, label: string, dflt?: number): ParamSpec =>
  param({
    name,
    kind: 'kernel',
    label,
    description: 'Window size: one number for a square window, or [height, width].',
    default: dflt,
    min: 1,
    max: MAX_DIM,
  });

/** The `strides` param; without a default it is derived (pool strides = pool size). */
export const stridesParam = (dflt?: number): ParamSpec =>
  param({
    name: 'strides',
    kind: 'kernel',
    label: 'Stride',
    description:
      dflt === undefined
        ? 'Step between windows; defaults to the pool size. One number or [h, w].'
        : 'Step between windows; 2 halves the height and width. One number or [h, w].',
    default: dflt,
    required: false,
    min: 1,
    max: MAX_DIM,
  });

/** DESIGN.md's padding: `'valid'`, `'same'` (TensorFlow) or a symmetric integer (PyTorch). */
export const paddingParam: ParamSpec = param({
  name: 'padding',
  kind: 'padding',
  label: 'Padding',
  description:
    "'valid' adds none; 'same' keeps ⌈size/stride⌉ (TensorFlow); a number p pads p zeros on every side (PyTorch).",
  default: 'valid',
});

export const dilationParam: ParamSpec = param({
  name: 'dilation',
  kind: 'kernel',
  label: 'Dilation',
  description: 'Spacing between kernel taps; >1 widens the view without more weights.',
  default: 1,
  min: 1,
  max: MAX_DIM,
});

export const useBiasParam: ParamSpec = param({
  name: 'useBias',
  kind: 'bool',
  label: 'Use bias',
  description: 'Adds one learned bias per output; turn off when BatchNorm follows.',
  default: true,
});

export const activationParam: ParamSpec = param({
  name: 'activation',
  kind: 'enum',
  label: 'Activation',
  description: 'Non-linearity applied to the output; linear means none.',
  default: 'linear',
  options: ACTIVATIONS,
});

/** A required width param (`filters`, `units`): a whole number ≥ 1. */
export const unitsLike = (name: string, label: string, description: string): ParamSpec =>
  param({ name, kind: 'int', label, description, min: 1, max: MAX_DIM });
