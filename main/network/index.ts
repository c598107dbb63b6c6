/** Public API of the network engine. */
export { analyzeNetwork, TOO_LARGE } from './analyze.ts';
export { computeStages, stageGroupOf } from './stages.ts';
export { expandComposites, expandNode, ExpandError } from './expand.ts';
export {
  networkDocSchema,
  networkNodeSchema,
  networkEdgeSchema,
  positionSchema,
} from './schema.ts';
export {
  getLayerDef,
  isLayerType,
  layerInfos,
  resolveParams,
  LAYER_TYPES,
} from './catalog/registry.ts';
export type { LayerDef, Counts, Expansion } from './catalog/layerDef.ts';
export { EXPANSION_INPUT } from './catalog/composite.ts';
export { ACTIVATIONS, type ActivationName } from './catalog/params.ts';
export { fmtInt, fmtBytes, fmtShape, nodeName } from './catalog/format.ts';
export * from './types.ts';
