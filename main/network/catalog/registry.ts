/**
 * The layer catalog: one registry keyed by LayerType. Palette, inspector, analysis, expansion and
 * the trainer all read layer knowledge from here.
 */
import type { LayerInfo, LayerType, NetworkNode } from '../types.ts';
import { inception } from './inception.ts';
import type { LayerDef } from './layerDef.ts';
import { PRIMITIVE_DEFS } from './primitives.ts';
import { residualBlock } from './residualBlock.ts';

const ALL_DEFS: readonly LayerDef[] = [...PRIMITIVE_DEFS, inception, residualBlock];

const byType = new Map<string, LayerDef>(ALL_DEFS.map((d) => [d.type, d]));

/** Every layer type, in palette order. */
export const LAYER_TYPES: readonly LayerType[] = ALL_DEFS.map((d) => d.type);

/** True when `type` names a catalog layer (narrows a file's free-form string). */
export function isLayerType(type: string): type is LayerType {
  return byType.has(type);
}

/** The catalog entry of `type`, or `undefined` for an unknown type. */
export function getLayerDef(type: string): LayerDef | undefined {
  return byType.get(type);
}

/** Serialisable metadata of every layer type, for the palette and the inspector. */
export function layerInfos(): LayerInfo[] {
  return ALL_DEFS.map((d) => d.info);
}

/**
 * A node's params with defaults applied (derived defaults such as pool strides = pool size too).
 * Unknown types return the params unchanged. Values are not checked; see `analyzeNetwork`.
 */
export function resolveParams(node: Pick<NetworkNode, 'type' | 'params'>): Record<string, unknown> {
  const def = byType.get(node.type);
  if (!def) return { ...node.params };
  return def.resolveAll(node.params);
}

/**
 * The params a newly added node of `type` starts with (every required param filled, so it is
 * valid as soon as it is wired); `{}` for an unknown type. The palette reads this by value.
 */
export function starterParams(type: string): Record<string, unknown> {
  return structuredClone(byType.get(type)?.info.initialParams ?? {});
}
