/**
 * `netd export FILE --to pytorch [--with-training] [-o model.py]`: the design as one readable,
 * self-contained PyTorch file (stdout without -o), and with `--with-training` a standalone
 * `train.py` beside it.
 */
import { ensureDir } from '../../files/safeFs.ts';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../../files/index.ts';
import { defaultRunsDir, isValidRunId } from '../../training/runs/paths.ts';
import {
  assertWeightsFit,
  encodeSafetensors,
  readWeightsFile,
  runWeightsPath,
  WeightsError,
} from '../../weights/index.ts';
import type { CliContext } from '../../cli/context.ts';
import type { ExportRequest, ExportTarget } from '../registerExportCommand.ts';
import { generateModel } from './generateModel.ts';
import { ExportError } from './nodeCode.ts';
import { generateTrainScript } from './generateTrainScript.ts';

async function write(path: string, text: string): Promise<void> {
  await ensureDir(dirname(path)); // checked up the chain, never `mkdir -p` (spins under /proc)
  await writeFileAtomic(path, text);
}

/** `dir/model.py` → `model.weights.safetensors` (the name model.py's `pretrained()` loads). */
function weightsName(out: string): string {
  return `${basename(out).replace(/\.py$/, '')}.weights.safetensors`;
}

async function run(req: ExportRequest, ctx: CliContext): Promise<number> {
  const fail = (code: number, message: string): number => {
    ctx.err(`netd export: ${message}\n`);
    return code;
  };
  if (!req.out && (req.withTraining || req.runId !== undefined)) {
    return fail(2, 'this writes more than one file; give the model file with -o model.py');
  }
  let weights = null;
  if (req.runId !== undefined) {
    if (!isValidRunId(req.runId)) return fail(2, `'${req.runId}' is not a run id`);
    try {
      weights = (
        await readWeightsFile(runWeightsPath(join(req.runsDir ?? defaultRunsDir(), req.runId)))
      ).tensors;
      assertWeightsFit(req.doc, weights, `the weights of run ${req.runId}`);
    } catch (err) {
      if (err instanceof WeightsError) return fail(2, err.message);
      throw err;
    }
  }
  let model;
  try {
    model = generateModel(req.doc, req.analysis, {
      sourceFile: basename(req.file),
      ...(weights && req.out ? { weightsFile: weightsName(req.out) } : {}),
    });
  } catch (err) {
    if (err instanceof ExportError) return fail(1, err.message);
    throw err;
  }
  if (!req.out) {
    ctx.out(model.source);
    return 0;
  }
  await write(req.out, model.source);
  ctx.err(`wrote ${req.out} (${model.className}, PyTorch)\n`);
  if (weights) {
    const path = join(dirname(req.out), weightsName(req.out));
    await writeFileAtomic(path, encodeSafetensors(weights));
    ctx.err(
      `wrote ${path} (the weights of run ${req.runId}; pretrained() in the model file loads them)\n`,
    );
  }
  if (req.withTraining) {
    const trainPath = join(dirname(req.out), 'train.py');
    await write(trainPath, generateTrainScript(model, basename(req.out)));
    ctx.err(
      `wrote ${trainPath} — run: python ${trainPath} --data synthetic (or torchrun --nproc_per_node N ${trainPath} …)\n`,
    );
  }
  return 0;
}

/** The PyTorch code target of `netd export`. */
export const PYTORCH_TARGET: ExportTarget = {
  id: 'pytorch',
  description:
    'a readable nn.Module (with --run, its trained weights and pretrained(); with --with-training, a standalone train.py)',
  run,
};
