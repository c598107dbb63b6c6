/**
 * Where training starts: the weights a request names (a design's sidecar, or a run's weights),
 * checked against the design, so either engine refuses misfits before it trains anything.
 */
import { join } from 'node:path';
import type { NetworkDoc } from '../network/types.ts';
import { assertWeightsFit } from './check.ts';
import { readWeightsFile } from './sidecar.ts';
import type { Weights } from './types.ts';

/** A run's trained weights, beside its `model/` folder. */
export const RUN_WEIGHTS_FILE = 'weights.safetensors';

/** Path of the trained weights of the run in `runDir`. */
export function runWeightsPath(runDir: string): string {
  return join(runDir, RUN_WEIGHTS_FILE);
}

/**
 * Reads the weights at `path` and checks that they fit `doc` exactly. Engines call this before
 * training from a design's weights (the PyTorch engine converts the channels-last layouts itself).
 *
 * @throws WeightsError naming the file and every tensor that is missing, misshapen or unknown.
 */
export async function loadStartingWeights(path: string, doc: NetworkDoc): Promise<Weights> {
  const { tensors } = await readWeightsFile(path);
  assertWeightsFit(doc, tensors, path);
  return tensors;
}
