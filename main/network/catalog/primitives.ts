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

export const PRIMITIVE_DEFS: readonly LayerDef[] = [
  input,
  conv2d,
  maxPool2d,
  avgPool2d,
  globalAvgPool2d,
  globalMaxPool2d,
  flatten,
  dense,
  batchNorm,
  activation,
  dropout,
  lrn,
  add,
  concat,
];

const byType = new Map<string, LayerDef>(PRIMITIVE_DEFS.map((d) => [d.type, d]));

/** The primitive layer definition of `type` (throws on a composite or unknown type: a bug). */
export function getPrimitiveDef(type: LayerType): LayerDef {
  const def = byType.get(type);
  if (!def) throw new Error(`not a primitive layer type: ${type}`);
  return def;
}
