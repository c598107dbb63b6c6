/**
 * *File → Import…* on the host: an ONNX model, or a TensorFlow.js `model.json` (what NetDesigner
 * saves for a run), becomes `NAME.netd.json` and its weights sidecar beside the model (a free name
 * is chosen, nothing existing is overwritten), ready to open.
 */
import { access } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { writeNetworkFile } from '../files/index.ts';
import { writeDesignWeights } from '../weights/index.ts';
import type { ImportedModelFile } from './types.ts';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** `dir/NAME.netd.json`, or `NAME-2.netd.json`, … when that name is taken. */
async function freeDesignPath(model: string): Promise<string> {
  let stem = basename(model, extname(model)) || 'imported';
  // A run's TensorFlow.js export is always `model.json`: its folder names it better.
  if (/^model$/i.test(stem) && /\.json$/i.test(model)) stem = basename(dirname(model)) || stem;
  for (let i = 1; ; i++) {
    const path = join(dirname(model), `${i === 1 ? stem : `${stem}-${i}`}.netd.json`);
    if (!(await exists(path))) return path;
  }
}

/**
 * Imports the model at `modelPath` (absolute) and writes the design and its weights next to it.
 * A `.json` is a TensorFlow.js model.json, anything else an ONNX model (as `netd import`).
 *
 * @throws OnnxError or TfjsImportError (one line per problem) when the model cannot be imported;
 *   nothing is written.
 */
export async function importModelFile(modelPath: string): Promise<ImportedModelFile> {
  // Loaded on use: neither importer is needed until a model is imported.
  const imported = /\.json$/i.test(modelPath)
    ? await (await import('./tfjs/importTfjsModel.ts')).importTfjsModel(modelPath)
    : await (await import('./onnx/import/importOnnx.ts')).importOnnx(modelPath);
  const path = await freeDesignPath(modelPath);
  await writeNetworkFile(path, imported.doc);
  const weightsPath = await writeDesignWeights(path, imported.weights);
  return { path, doc: imported.doc, weightsPath, notes: imported.notes };
}
