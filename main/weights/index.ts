/** Public API of a design's weights (the `NAME.weights.safetensors` sidecar). */
export { WeightsError, numel } from './types.ts';
export type { WeightTensor, Weights, WeightName, WeightSpec } from './types.ts';
export { decodeSafetensors, encodeSafetensors, type DecodedSafetensors } from './safetensors.ts';
export { expectedWeights, weightKey } from './layout.ts';
export { checkWeights, assertWeightsFit, keepFittingWeights, type WeightMisfit } from './check.ts';
export {
  WEIGHTS_SUFFIX,
  weightsPathFor,
  readWeightsFile,
  writeWeightsFile,
  readDesignWeights,
  writeDesignWeights,
  removeDesignWeights,
  findDesignWeights,
} from './sidecar.ts';
export {
  loadWeightsIntoModel,
  readWeightsFromModel,
  freezeLayers,
  type CompiledForWeights,
} from './tfjs.ts';
export { RUN_WEIGHTS_FILE, runWeightsPath, loadStartingWeights } from './start.ts';
