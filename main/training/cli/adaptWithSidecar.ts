/**
 * `netd train --adapt` on a design that carries weights: the design is adapted to the data and its
 * weights refitted (`adaptWithWeights`: every tensor whose shape still fits is kept, the rest —
 * typically the classifier — freshly initialised), and training starts from the refitted weights.
 * The design's own sidecar is never rewritten; the refitted weights live in a scratch file for the
 * length of the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetworkDoc } from '../../network/types.ts';
import { adaptNetwork } from '../../templates/adapt.ts';
import type { AdaptRequest } from '../../templates/types.ts';
import { adaptWithWeights } from '../../weights/adapt.ts';
import { readDesignWeights, writeWeightsFile } from '../../weights/index.ts';

/** The adapted design, the weights file to start from, and the message to print. */
export interface AdaptedStart {
  doc: NetworkDoc;
  /** The refitted weights (a scratch file), or null when the design has no sidecar. */
  weights: string | null;
  /** What changed in the design, and which layers keep their weights or were re-initialised. */
  message: string;
  /** Removes the scratch file (call when the run has ended). */
  dispose(): Promise<void>;
}

/**
 * Adapts `doc` (read from `file`) with `req`; when `file` has a weights sidecar, refits them.
 * @throws WeightsError when the sidecar cannot be read; AdaptError when the design cannot adapt.
 */
export async function adaptWithSidecar(
  file: string,
  doc: NetworkDoc,
  req: AdaptRequest,
): Promise<AdaptedStart> {
  const own = await readDesignWeights(file);
  if (!own) {
    const adapted = adaptNetwork(doc, req);
    return {
      doc: adapted.doc,
      message: adapted.message,
      weights: null,
      dispose: async () => undefined,
    };
  }
  const adapted = adaptWithWeights(doc, own, req);
  const dir = await mkdtemp(join(tmpdir(), 'netd-adapt-'));
  const path = join(dir, 'adapted.weights.safetensors');
  await writeWeightsFile(path, adapted.weights);
  return {
    doc: adapted.doc,
    weights: path,
    message: adapted.message,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
