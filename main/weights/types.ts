/**
 * The vocabulary of a design's weights: float32 tensors keyed `<nodeId>/<weight>`, channels-last
 * in the layouts the tfjs engine uses (DESIGN.md, "Weights").
 */

/** One float32 tensor; `data.length` equals the product of `shape`. */
export interface WeightTensor {
  shape: number[];
  data: Float32Array;
}

/** Tensors by name (`<nodeId>/<weight>`, e.g. `c1/kernel`, `blk/conv1/kernel`, `bn/moving_mean`). */
export type Weights = Map<string, WeightTensor>;

/** What a weight of a layer is for; the names are tfjs's own variable names. */
export type WeightName = 'kernel' | 'bias' | 'gamma' | 'beta' | 'moving_mean' | 'moving_variance';

/** One tensor a design expects, derived from its (expanded) nodes and their input shapes. */
export interface WeightSpec {
  /** `<nodeId>/<weight>` where nodeId is the primitive's id after composite expansion. */
  name: string;
  /** The primitive node that owns it (`blk/conv1` inside a ResidualBlock `blk`). */
  nodeId: string;
  /** The top-level node of the design it belongs to (the composite for an expanded layer). */
  designNodeId: string;
  weight: WeightName;
  shape: number[];
  /** False for BatchNorm's moving statistics. */
  trainable: boolean;
  /** True when the node (or the composite it came from) carries `"frozen": true`. */
  frozen: boolean;
}

/** Thrown for weights that cannot be read, written or used; the message names file and tensor. */
export class WeightsError extends Error {
  override name = 'WeightsError';
}

/** Number of elements of a shape (1 for a scalar). */
export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
