/**
 * `netd import MODEL [-o FILE]`: an ONNX model as a design (`NAME.netd.json`) with its weights in
 * the sidecar beside it (`NAME.weights.safetensors`). Every problem is printed as its own line,
 * and nothing is written unless the whole model imported (exit status 2 otherwise).
 */
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli/context.ts';
import { writeNetworkFile } from '../files/index.ts';
import { analyzeNetwork, fmtInt } from '../network/index.ts';
import { WeightsError, writeDesignWeights } from '../weights/index.ts';
import { OnnxError } from './onnx/errors.ts';
import { TfjsImportError } from './tfjs/layers.ts';

/** `dir/resnet18.onnx` → `resnet18.netd.json` (in the current folder). */
export function defaultDesignPath(model: string): string {
  const name = basename(model, extname(model)) || 'imported';
  return `${name}.netd.json`;
}

/** Registers `import` on `program`. */
export function registerImportCommand(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'an ONNX or TensorFlow.js model as a design with its weights (NAME.netd.json + NAME.weights.safetensors)',
    )
    .argument('<model>', 'ONNX model file (*.onnx), or a TensorFlow.js model.json')
    .option('-o, --output <file>', 'design file to write (default: NAME.netd.json here)')
    .action(async (model: string, opts: { output?: string }) => {
      const out = opts.output ?? defaultDesignPath(model);
      try {
        // Loaded on use: the protobuf codec is not needed by any other command. A `.json` is a
        // TensorFlow.js model.json (what NetDesigner saves for a run).
        const imported = /\.json$/i.test(model)
          ? await (await import('./tfjs/importTfjsModel.ts')).importTfjsModel(model)
          : await (await import('./onnx/import/importOnnx.ts')).importOnnx(model);
        await writeNetworkFile(out, imported.doc);
        const weightsPath = await writeDesignWeights(out, imported.weights);
        const totals = analyzeNetwork(imported.doc).totals;
        const blocks = imported.notes.length > 0 ? ` (${imported.notes.join(', ')})` : '';
        ctx.out(
          `wrote ${out} and ${weightsPath}: ${imported.doc.nodes.length} nodes${blocks}, ` +
            `${fmtInt(totals.trainableParams)} trainable + ${fmtInt(totals.nonTrainableParams)} non-trainable params\n`,
        );
      } catch (err) {
        if (
          !(err instanceof OnnxError) &&
          !(err instanceof TfjsImportError) &&
          !(err instanceof WeightsError)
        )
          throw err;
        const lines =
          err instanceof OnnxError || err instanceof TfjsImportError ? err.lines : [err.message];
        for (const line of lines) ctx.err(`netd import: ${line}\n`);
        ctx.exitCode = 2;
      }
    });
}
