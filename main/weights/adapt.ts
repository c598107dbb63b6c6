/**
 * Fine-tuning helpers on designs that carry weights: *Adapt to data* keeps every weight whose
 * shape still fits (typically all but the classifier) and says which layers start afresh, and
 * *Continue from this run* takes a run's trained weights into the design. (Imported directly, not
 * through index.ts: it builds on the ONNX exporter's fresh initialisation, which uses index.ts.)
 */
import { freshWeights } from '../interchange/onnx/export/freshWeights.ts';
import type { NetworkDoc } from '../network/types.ts';
import { adaptNetwork } from '../templates/adapt.ts';
import type { AdaptRequest } from '../templates/types.ts';
import { keepFittingWeights } from './check.ts';
import { writeDesignWeights } from './sidecar.ts';
import { loadStartingWeights, runWeightsPath } from './start.ts';
import type { Weights } from './types.ts';

/** The adapted design, complete weights for it, and which design nodes were re-initialised. */
export interface AdaptedWithWeights {
  doc: NetworkDoc;
  weights: Weights;
  /** Design node ids whose weights no longer fitted and were freshly initialised. */
  reinitialised: string[];
  /** The adaptation's own message, then which layers keep their weights and which start afresh. */
  message: string;
}

/**
 * Re-fits `weights` to a design changed by Adapt (or any edit): tensors whose name and shape still
 * fit are kept bit for bit, the others are freshly initialised (PyTorch's rule, seeded), so the
 * result fits the new design exactly.
 */
export function refitWeights(
  doc: NetworkDoc,
  weights: Weights,
  seed = 0,
): { weights: Weights; reinitialised: string[] } {
  const { kept, reinitialised } = keepFittingWeights(doc, weights);
  const fresh = freshWeights(doc, seed);
  const out: Weights = new Map();
  for (const [name, t] of fresh) out.set(name, kept.get(name) ?? t);
  return { weights: out, reinitialised };
}

/** "fc (re-initialised)" style summary of what happened to the weights. */
function weightsMessage(reinitialised: string[], kept: number): string {
  if (reinitialised.length === 0) return `All ${kept} weight tensors kept.`;
  const list = reinitialised.map((id) => `'${id}'`).join(', ');
  return `Weights kept except for ${list}, re-initialised because ${reinitialised.length === 1 ? 'its shape' : 'their shapes'} changed.`;
}

/**
 * *Adapt to data* on a design with weights: adapts the design (input shape, classes, small-input
 * stem) and keeps every weight whose shape still fits.
 *
 * @throws AdaptError when the design cannot be adapted (as `adaptNetwork`).
 */
export function adaptWithWeights(
  doc: NetworkDoc,
  weights: Weights,
  req: AdaptRequest,
): AdaptedWithWeights {
  const adapted = adaptNetwork(doc, req);
  const { weights: refit, reinitialised } = refitWeights(adapted.doc, weights);
  const kept = refit.size - [...refit.keys()].filter((k) => !weights.has(k)).length;
  return {
    doc: adapted.doc,
    weights: refit,
    reinitialised,
    message: `${adapted.message} ${weightsMessage(reinitialised, kept)}`,
  };
}

/**
 * *Continue from this run*: the trained weights of the run in `runDir` become the sidecar of the
 * design saved at `designPath` (written atomically); training the design then starts from them.
 *
 * @returns the sidecar's path.
 * @throws WeightsError when the run has no weights or they do not fit `doc` (each tensor named).
 */
export async function continueFromRun(
  designPath: string,
  doc: NetworkDoc,
  runDir: string,
): Promise<string> {
  const weights = await loadStartingWeights(runWeightsPath(runDir), doc);
  return writeDesignWeights(designPath, weights);
}
