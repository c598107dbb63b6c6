/**
 * `netd export FILE --to pytorch [--with-training] [-o model.py]`: the design as one readable,
 * self-contained PyTorch file (stdout without -o), and with `--with-training` a standalone
 * `train.py` beside it.
 */
import { ensureDir } from '../../files/safeFs.ts';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../../files/index.ts';
import type { CliContext } from '../../cli/context.ts';
import type { ExportRequest, ExportTarget } from '../registerExportCommand.ts';
import { generateModel } from './generateModel.ts';
import { ExportError } from './nodeCode.ts';
import { generateTrainScript } from './generateTrainScript.ts';

async function write(path: string, text: string): Promise<void> {
  await ensureDir(dirname(path)); // checked up the chain, never `mkdir -p` (spins under /proc)
  await writeFileAtomic(path, text);
}

async function run(req: ExportRequest, ctx: CliContext): Promise<number> {
  let model;
  try {
    model = generateModel(req.doc, req.analysis, { sourceFile: basename(req.file) });
  } catch (err) {
    if (err instanceof ExportError) {
      ctx.err(`netd export: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  if (req.runId) {
    ctx.err('netd export: --run with --to pytorch is not available yet in this version\n');
    return 2;
  }
  if (!req.out) {
    if (req.withTraining) {
      ctx.err(
        'netd export: --with-training writes two files; give the model file with -o model.py\n',
      );
      return 2;
    }
    ctx.out(model.source);
    return 0;
  }
  await write(req.out, model.source);
  ctx.err(`wrote ${req.out} (${model.className}, PyTorch)\n`);
  if (req.withTraining) {
    const trainPath = join(dirname(req.out), 'train.py');
    await write(trainPath, generateTrainScript(model, basename(req.out)));
    ctx.err(
      `wrote ${trainPath} — run: python ${trainPath} --data synthetic (or torchrun --nproc-per-node N ${trainPath} …)\n`,
    );
  }
  return 0;
}

/** The PyTorch code target of `netd export`. */
export const PYTORCH_TARGET: ExportTarget = {
  id: 'pytorch',
  description: 'a readable nn.Module (and, with --with-training, a standalone train.py)',
  run,
};
