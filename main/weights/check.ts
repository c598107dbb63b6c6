/**
 * Do these weights fit this design? Every tensor that does not fit is named, with what the
 * design expects, so a refusal says exactly which layers changed.
 */
import type { NetworkDoc } from '../network/types.ts';
import { expectedWeights } from './layout.ts';
import { WeightsError, type Weights, type WeightSpec } from './types.ts';

/** One tensor that does not fit. */
export interface WeightMisfit {
  name: string;
  /** The design node concerned (the composite for a layer inside a block); null for an unknown tensor. */
  designNodeId: string | null;
  kind: 'missing' | 'shape' | 'unexpected';
  message: string;
}

const fmt = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/**
 * Compares `weights` with what `doc` expects. Returns one misfit per tensor that is missing, has
 * another shape, or belongs to no layer of the design; an empty list when they fit exactly.
 */
export function checkWeights(doc: NetworkDoc, weights: Weights): WeightMisfit[] {
  const expected = expectedWeights(doc);
  const misfits: WeightMisfit[] = [];
  const known = new Set<string>();
  for (const spec of expected) {
    known.add(spec.name);
    const t = weights.get(spec.name);
    if (!t) {
      misfits.push({
        name: spec.name,
        designNodeId: spec.designNodeId,
        kind: 'missing',
        message: `'${spec.name}' is missing (the design expects ${fmt(spec.shape)})`,
      });
    } else if (
      t.shape.length !== spec.shape.length ||
      t.shape.some((d, i) => d !== spec.shape[i])
    ) {
      misfits.push({
        name: spec.name,
        designNodeId: spec.designNodeId,
        kind: 'shape',
        message: `'${spec.name}' has shape ${fmt(t.shape)} but the design expects ${fmt(spec.shape)}`,
      });
    }
  }
  for (const name of weights.keys()) {
    if (!known.has(name))
      misfits.push({
        name,
        designNodeId: null,
        kind: 'unexpected',
        message: `'${name}' belongs to no layer of the design`,
      });
  }
  return misfits;
}

/**
 * Checks and returns the expected specs when the weights fit.
 * @throws WeightsError listing every misfit (first ones named, then a count).
 */
export function assertWeightsFit(
  doc: NetworkDoc,
  weights: Weights,
  source = 'the weights',
): WeightSpec[] {
  const misfits = checkWeights(doc, weights);
  if (misfits.length > 0) {
    const shown = misfits.slice(0, 8).map((m) => m.message);
    const more = misfits.length > 8 ? `; and ${misfits.length - 8} more` : '';
    throw new WeightsError(`${source} do not fit the design: ${shown.join('; ')}${more}`);
  }
  return expectedWeights(doc);
}

/**
 * Keeps the tensors whose name and shape still fit `doc` (e.g. after *Adapt to data* changed the
 * classifier) and reports which design nodes lost theirs and will start freshly initialised.
 */
export function keepFittingWeights(
  doc: NetworkDoc,
  weights: Weights,
): { kept: Weights; reinitialised: string[] } {
  const kept: Weights = new Map();
  const reinitialised = new Set<string>();
  for (const spec of expectedWeights(doc)) {
    const t = weights.get(spec.name);
    if (t && t.shape.length === spec.shape.length && t.shape.every((d, i) => d === spec.shape[i]))
      kept.set(spec.name, t);
    else reinitialised.add(spec.designNodeId);
  }
  return { kept, reinitialised: [...reinitialised] };
}
