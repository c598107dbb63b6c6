/**
 * `netd export FILE --to keras [--run RUN_ID] [-o model.py]`: the design as a readable Keras 3
 * file. With `--run` (or when the design has its own weights sidecar) the weights are written
 * beside it as `<model>.weights.safetensors` and the file loads them by layer name.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CliContext } from '../../cli/context.ts';
import { writeFileAtomic } from '../../files/index.ts';
import { defaultRunsDir, isValidRunId } from '../../training/runs/paths.ts';
import {
  assertWeightsFit,
  readDesignWeights,
  readWeightsFile,
  runWeightsPath,
  WeightsError,
  writeWeightsFile,
  type Weights,
} from '../../weights/index.ts';
import type { ExportRequest, ExportTarget } from '../registerExportCommand.ts';
import { generateKeras, KerasExportError } from './generateKeras.ts';

/** The run's weights, else the design's own, else none (the file builds a fresh model). */
async function chooseWeights(
  req: ExportRequest,
): Promise<{ weights: Weights; source: string } | null> {
  if (req.runId !== undefined) {
    if (!isValidRunId(req.runId)) throw new KerasExportError(`'${req.runId}' is not a run id`);
    const path = runWeightsPath(join(req.runsDir ?? defaultRunsDir(), req.runId));
    return { weights: (await readWeightsFile(path)).tensors, source: `run ${req.runId}` };
  }
  const own = await readDesignWeights(req.file);
  return own ? { weights: own, source: 'the design’s weights' } : null;
}

async function run(req: ExportRequest, ctx: CliContext): Promise<number> {
  try {
    const chosen = await chooseWeights(req);
    if (chosen) assertWeightsFit(req.doc, chosen.weights, `the weights of ${chosen.source}`);
    if (chosen && !req.out)
      throw new KerasExportError(
        'the weights go into a file beside the model: give the model file with -o model.py',
      );
    const weightsFile =
      req.out && chosen
        ? `${basename(req.out).replace(/\.py$/i, '')}.weights.safetensors`
        : undefined;
    const keras = generateKeras(req.doc, req.analysis, {
      sourceFile: basename(req.file),
      ...(weightsFile ? { weightsFile } : {}),
    });
    if (!req.out) {
      ctx.out(keras.source);
      return 0;
    }
    await mkdir(dirname(req.out), { recursive: true });
    await writeFileAtomic(req.out, keras.source);
    if (chosen && weightsFile) {
      const path = join(dirname(req.out), weightsFile);
      await writeWeightsFile(path, chosen.weights);
      ctx.err(`wrote ${req.out} (Keras 3) and ${path} (${chosen.source})\n`);
    } else ctx.err(`wrote ${req.out} (Keras 3, freshly initialised weights)\n`);
    return 0;
  } catch (err) {
    if (err instanceof KerasExportError || err instanceof WeightsError) {
      ctx.err(`netd export: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** The Keras code target of `netd export`. */
export const KERAS_TARGET: ExportTarget = {
  id: 'keras',
  description: 'a readable Keras 3 functional model (and the weights, with --run)',
  run,
};
