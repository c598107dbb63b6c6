/**
 * `netd export FILE --to onnx [--run RUN_ID] [-o model.onnx]`: the design as an ONNX model with
 * the run's trained weights, else the design's own weights (its sidecar), else fresh ones.
 */
import { basename, join } from 'node:path';
import type { CliContext } from '../../../cli/context.ts';
import type { ExportRequest, ExportTarget } from '../../../export/registerExportCommand.ts';
import { writeFileAtomic } from '../../../files/index.ts';
import { fmtInt } from '../../../network/index.ts';
import { defaultRunsDir, isValidRunId } from '../../../training/runs/paths.ts';
import {
  assertWeightsFit,
  readDesignWeights,
  readWeightsFile,
  runWeightsPath,
  WeightsError,
  type Weights,
} from '../../../weights/index.ts';
import { OnnxError } from '../errors.ts';
import { designToOnnx, EXPORT_OPSET } from './designToOnnx.ts';
import { freshWeights } from './freshWeights.ts';

/** The weights to export and a phrase saying where they came from. */
async function chooseWeights(req: ExportRequest): Promise<{ weights: Weights; source: string }> {
  if (req.runId !== undefined) {
    if (!isValidRunId(req.runId)) throw new OnnxError(`'${req.runId}' is not a run id`);
    const path = runWeightsPath(join(req.runsDir ?? defaultRunsDir(), req.runId));
    const weights = (await readWeightsFile(path)).tensors;
    return { weights, source: `the weights of run ${req.runId}` };
  }
  const own = await readDesignWeights(req.file);
  if (own) return { weights: own, source: 'the design’s weights' };
  return { weights: freshWeights(req.doc), source: 'freshly initialised weights (PyTorch’s rule)' };
}

/** `dir/resnet18.netd.json` → `resnet18.onnx`. */
function defaultOut(file: string): string {
  return `${basename(file).replace(/(\.netd)?\.json$/i, '') || 'model'}.onnx`;
}

async function run(req: ExportRequest, ctx: CliContext): Promise<number> {
  try {
    const { weights, source } = await chooseWeights(req);
    assertWeightsFit(req.doc, weights);
    const bytes = designToOnnx(req.doc, weights);
    const out = req.out ?? defaultOut(req.file);
    await writeFileAtomic(out, bytes);
    ctx.out(
      `wrote ${out} (ONNX opset ${EXPORT_OPSET}, input N×C×H×W, ${fmtInt(bytes.length)} bytes) with ${source}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof OnnxError || err instanceof WeightsError) {
      const lines = err instanceof OnnxError ? err.lines : [err.message];
      for (const line of lines) ctx.err(`netd export: ${line}\n`);
      return 2;
    }
    throw err;
  }
}

/** The ONNX export target of `netd export`. */
export const ONNX_TARGET: ExportTarget = {
  id: 'onnx',
  description: 'an ONNX model (opset 13, N×C×H×W input) with the run’s or the design’s weights',
  run,
};
