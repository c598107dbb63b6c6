/**
 * Saving a trained model in the tfjs layers format (`model.json` + `weights.bin`) without tfjs-node:
 * `file://` URLs need the native package, so a save handler writes the two files itself.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { LayersModel, io } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import type { ImageShape, Normalization } from '../data/dataset.ts';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';
export const PREPROCESSING_JSON = 'preprocessing.json';

/** What an app needs beside the weights to feed the model: input shape, class names and normalisation. */
export interface ModelMeta {
  inputShape: ImageShape;
  classes: string[];
  normalization: Normalization;
  /** True when the model outputs logits (apply softmax for probabilities). */
  outputsLogits: boolean;
}

/**
 * Writes `model.json`, `weights.bin` and `preprocessing.json` into `dir` (created; replaced if present,
 * via a temp folder and rename so a crash leaves either the old or the new model).
 */
export async function saveLayersModel(
  tf: Tf,
  model: LayersModel,
  dir: string,
  meta: ModelMeta,
): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts: io.ModelArtifacts): Promise<io.SaveResult> => {
      const weights = artifacts.weightData
        ? tf.io.CompositeArrayBuffer.join(artifacts.weightData)
        : new ArrayBuffer(0);
      const modelJson = {
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: 'NetDesigner',
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
      };
      await fs.writeFile(join(tmp, MODEL_JSON), JSON.stringify(modelJson));
      await fs.writeFile(join(tmp, WEIGHTS_BIN), Buffer.from(weights));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  await fs.writeFile(join(tmp, PREPROCESSING_JSON), JSON.stringify(meta, null, 2) + '\n');
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rename(tmp, dir);
}
