/**
 * `netd export FILE --to pytorch|onnx|keras [--run RUN_ID] [--with-training] [-o OUT]`.
 *
 * Each target lives in its own module and is listed once in EXPORT_TARGETS; a target that is not
 * built yet answers with one clear line and exit status 2, so the command's contract is stable
 * while the targets arrive.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { readNetworkFile } from '../files/index.ts';
import { analyzeNetwork, type NetworkAnalysis, type NetworkDoc } from '../network/index.ts';
import type { CliContext } from '../cli/context.ts';

/** The formats `netd export --to` accepts (DESIGN.md, command line). */
export const EXPORT_TARGET_IDS = ['pytorch', 'onnx', 'keras'] as const;
export type ExportTargetId = (typeof EXPORT_TARGET_IDS)[number];

/** What every target receives: the design read and analysed once, and the command's options. */
export interface ExportRequest {
  /** The network file as given on the command line. */
  file: string;
  doc: NetworkDoc;
  /** `analyzeNetwork(doc)`; the command refuses designs with errors before calling a target. */
  analysis: NetworkAnalysis;
  /** `--run RUN_ID`: export that run's trained weights too. */
  runId?: string;
  /** Where runs live (default `defaultRunsDir()`, from NETD_HOME); the app passes its own. */
  runsDir?: string;
  /** `--with-training`: also write a training script (targets that produce code). */
  withTraining: boolean;
  /** `-o OUT`; absent → the target's default (stdout for a single text file). */
  out?: string;
}

/** One export format. `run` writes its output and returns the exit status (0 ok, 1, 2). */
export interface ExportTarget {
  id: ExportTargetId;
  /** One line for `netd export --help`. */
  description: string;
  run(request: ExportRequest, ctx: CliContext): Promise<number>;
}

/**
 * The registered targets. Each is loaded lazily so `netd inspect` never pays for an exporter.
 * A target missing here fails with exit status 2 and says so.
 */
const EXPORT_TARGETS: Partial<Record<ExportTargetId, () => Promise<ExportTarget>>> = {
  pytorch: async () => (await import('./pytorch/pytorchTarget.ts')).PYTORCH_TARGET,
  onnx: async () => (await import('../interchange/onnx/export/onnxTarget.ts')).ONNX_TARGET,
  keras: async () => (await import('./keras/kerasTarget.ts')).KERAS_TARGET,
};

/** The loader of `id`'s target, or undefined when that format cannot be exported yet. */
export function exportTarget(id: ExportTargetId): (() => Promise<ExportTarget>) | undefined {
  return EXPORT_TARGETS[id];
}

function parseTarget(value: string): ExportTargetId {
  const id = value.trim().toLowerCase();
  if (!(EXPORT_TARGET_IDS as readonly string[]).includes(id)) {
    throw new InvalidArgumentError(`expected one of ${EXPORT_TARGET_IDS.join(', ')}`);
  }
  return id as ExportTargetId;
}

interface ExportFlags {
  to: ExportTargetId;
  run?: string;
  withTraining?: boolean;
  output?: string;
}

/** Registers `export` on `program`. Exit status: 0 written, 1 design errors, 2 bad arguments/input. */
export function registerExportCommand(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('the design (and a run’s weights) as PyTorch code, an ONNX model or Keras code')
    .argument('<file>', 'network file (*.netd.json)')
    .addOption(
      new Option('--to <format>', `what to write: ${EXPORT_TARGET_IDS.join(', ')}`)
        .argParser(parseTarget)
        .makeOptionMandatory(),
    )
    .option('--run <id>', 'also export the trained weights of this run')
    .option('--with-training', 'also write a standalone training script next to the model')
    .option('-o, --output <path>', 'where to write (default: stdout for a single text file)')
    .action(async (file: string, flags: ExportFlags) => {
      const load = exportTarget(flags.to);
      if (!load) {
        ctx.err(`netd export: --to ${flags.to} is not available yet in this version\n`);
        ctx.exitCode = 2;
        return;
      }
      const doc = await readNetworkFile(file);
      const analysis = analyzeNetwork(doc);
      if (!analysis.valid) {
        const first = analysis.problems.find((p) => p.severity === 'error');
        const where = first?.nodeId ? `${first.nodeId}: ` : '';
        ctx.err(
          `netd export: ${file} has design errors (${where}${first?.message ?? 'see netd inspect'}); run 'netd inspect ${file}'\n`,
        );
        ctx.exitCode = 1;
        return;
      }
      const target = await load();
      ctx.exitCode = await target.run(
        {
          file,
          doc,
          analysis,
          runId: flags.run,
          withTraining: Boolean(flags.withTraining),
          out: flags.output,
        },
        ctx,
      );
    });
}
