/**
 * The first convolution of the ImageNet templates. Its wide, strided window (AlexNet's 11×11/4,
 * GoogLeNet's and ResNet's 7×7/2) would throw most of a small image away, so under 64×64 it
 * becomes a 3×3 stride-1 conv of the same width, as in the ResNet paper's CIFAR experiments.
 */
import { NetworkBuilder } from './builder.ts';
import { fmtShape } from '../network/catalog/format.ts';
import { isSmallInput, type InputShape } from './types.ts';

export interface Conv1 {
  filters: number;
  kernelSize: number;
  strides: number;
  padding: number;
  /** Params both variants share (activation, useBias). */
  extra: Record<string, unknown>;
}

/** What the change sentence says: what else the caller drops, and what comes next. */
export interface StemChange {
  /** e.g. "pool1 removed"; empty when nothing else changes. */
  also: string;
  /** The stage the image reaches next, e.g. "layer1". */
  next: string;
}

/** A template build begun with its input and conv1. */
export interface StemStart {
  b: NetworkBuilder;
  /** The build's `changes`: the stem's sentence when it was shrunk, else empty. */
  changes: string[];
  /** True when the input is small and conv1 was shrunk (callers drop their stem pool too). */
  small: boolean;
}

/** Starts an ImageNet template: a builder with `input` and the (possibly shrunk) `conv1`. */
export function startWithConv1(input: InputShape, conv: Conv1, change: StemChange): StemStart {
  const b = new NetworkBuilder();
  b.add('input', 'Input', { shape: input });
  const sentence = addConv1(b, input, conv, change);
  return { b, changes: sentence ? [sentence] : [], small: sentence !== null };
}

/**
 * Adds `conv1` to `b` for `input`. Returns null for the paper's stem or, for a small input, the
 * sentence for `changes`.
 */
function addConv1(
  b: NetworkBuilder,
  input: InputShape,
  conv: Conv1,
  { also, next }: StemChange,
): string | null {
  const { filters, kernelSize, strides, padding, extra } = conv;
  if (!isSmallInput(input)) {
    b.add('conv1', 'Conv2D', { filters, kernelSize, strides, padding, ...extra });
    return null;
  }
  b.add('conv1', 'Conv2D', { filters, kernelSize: 3, padding: 1, ...extra });
  const k = `${kernelSize}×${kernelSize}`;
  return (
    `stem: conv1 ${k} stride ${strides} → 3×3 stride 1 (pad 1)${also ? ` and ${also}` : ''}, so ` +
    `the ${fmtShape(input)} input is not reduced to a few pixels before ${next}`
  );
}
