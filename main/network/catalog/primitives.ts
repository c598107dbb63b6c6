/** The primitive (non-composite) layers: what composites expand to and the trainer compiles. */
import type { LayerType } from '../types.ts';
import { conv2d } from './conv2d.ts';
import { dense } from './dense.ts';
import { activation, batchNorm, dropout, lrn } from './elementwise.ts';
import { flatten, globalAvgPool2d, globalMaxPool2d } from './globalPooling.ts';
import { input } from './input.ts';
import type { LayerDef } from './layerDef.ts';
import { add, concat } from './merge.ts';
import { avgPool2d, maxPool2d } from './pooling.ts';

/** Every primitive by type, with its typed `read` (the trainer compiles from these types). */
export const PRIMITIVES = {
  Input: input,
  Conv2D: conv2d,
  MaxPool2D: maxPool2d,
  AvgPool2D: avgPool2d,
  GlobalAvgPool2D: globalAvgPool2d,
  GlobalMaxPool2D: globalMaxPool2d,
  Flatten: flatten,
  Dense: dense,
  BatchNorm: batchNorm,
  Activation: activation,
  Dropout: dropout,
  LRN: lrn,
  Add: add,
  Concat: concat,
} as const;

export type PrimitiveType = keyof typeof PRIMITIVES;

/** The typed params of a primitive of type `T`, as its catalog entry reads them. */
export type PrimitiveParams<T extends PrimitiveType> = ReturnType<(typeof PRIMITIVES)[T]['read']>;

/** The primitives in palette order. */
export const PRIMITIVE_DEFS: readonly LayerDef[] = Object.values(PRIMITIVES);

const byType = new Map<string, LayerDef>(PRIMITIVE_DEFS.map((d) => [d.type, d]));

/** True when `type` is a primitive (compilable) layer type. */
export function isPrimitiveType(type: string): type is PrimitiveType {
  return byType.has(type);
}

/** The primitive layer definition of `type` (throws on a composite or unknown type: a bug). */
export function getPrimitiveDef(type: LayerType): LayerDef {
  const def = byType.get(type);
  if (!def) throw new Error(`not a primitive layer type: ${type}`);
  return def;
}
