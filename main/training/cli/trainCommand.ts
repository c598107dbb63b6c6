/** `netd train FILE --data SPEC …`: trains in this process, prints progress, saves the run. */
import type { CliContext } from '../../cli/context.ts';
import type { TrainingEvent, TrainingOptions, TrainingRequest } from '../types.ts';
import { readNetworkFile } from '../../files/index.ts';
import { backendFromEnv } from '../backend/initBackend.ts';
import { createRunStore } from '../runs/runStore.ts';
import { defaultRunsDir, newRunId } from '../runs/paths.ts';
import type { RunOutcome } from '../trainer/runTraining.ts';
import { runOnEngine } from '../pytorch/runOnEngine.ts';
import type { DeviceName, EngineChoice } from '../vocabulary.ts';
import { TrainingError } from '../service/errors.ts';
import { normalizeDataSpec, validateRequest } from '../service/validateRequest.ts';
import { describeData } from '../data/loadDataset.ts';
import { adaptRequestFor } from '../dataFit.ts';
import { adaptNetwork } from '../../templates/adapt.ts';
import { createProgressPrinter } from './progress.ts';
import { findDesignWeights } from '../../weights/sidecar.ts';
import { adaptWithSidecar } from './adaptWithSidecar.ts';

export interface TrainFlags {
  data: string;
  /** `--adapt`: adapt the design to the data first (the dashboard's Adapt), printing every change. */
  adapt?: boolean;
  epochs?: number;
  batchSize?: number;
  lr?: number;
  optimizer?: 'adam' | 'sgd';
  momentum?: number;
  schedule?: 'constant' | 'step' | 'cosine';
  stepEvery?: number;
  stepGamma?: number;
  /** commander's `--no-keep-best` sets this to false. */
  keepBest?: boolean;
  limit?: number;
  testLimit?: number;
  valSplit?: number;
  seed?: number;
  patience?: number;
  flip?: boolean;
  shift?: number;
  backend?: TrainingOptions['backend'];
  out?: string;
  json?: boolean;
  /** commander's `--fresh`: ignore the design's weights sidecar. */
  fresh?: boolean;
  /** `--engine`, and the PyTorch engine's `--device` / `--nproc`. */
  engine?: EngineChoice;
  device?: DeviceName;
  nproc?: number;
}

/** Exit status when the user interrupted the run with Ctrl-C (the shell convention for SIGINT). */
export const EXIT_INTERRUPTED = 130;

function optionsFromFlags(f: TrainFlags): Partial<TrainingOptions> {
  const o: Partial<TrainingOptions> = {};
  if (f.epochs !== undefined) o.epochs = f.epochs;
  if (f.batchSize !== undefined) o.batchSize = f.batchSize;
  if (f.lr !== undefined) o.learningRate = f.lr;
  if (f.optimizer !== undefined) o.optimizer = f.optimizer;
  if (f.momentum !== undefined) o.momentum = f.momentum;
  if (f.schedule !== undefined) o.schedule = f.schedule;
  if (f.stepEvery !== undefined) o.stepEvery = f.stepEvery;
  if (f.stepGamma !== undefined) o.stepGamma = f.stepGamma;
  if (f.keepBest === false) o.keepBest = false;
  if (f.limit !== undefined) o.limit = f.limit;
  if (f.testLimit !== undefined) o.testLimit = f.testLimit;
  if (f.valSplit !== undefined) o.validationSplit = f.valSplit;
  if (f.seed !== undefined) o.seed = f.seed;
  if (f.patience !== undefined) o.earlyStoppingPatience = f.patience;
  if (f.flip || f.shift) o.augment = { flip: Boolean(f.flip), shift: f.shift ?? 0 };
  if (f.backend !== undefined) o.backend = f.backend;
  return o;
}

/** Runs `netd train`; sets `ctx.exitCode` (0 done, 1 design errors or failed run, 2 bad input, 130 Ctrl-C). */
export async function trainCommand(
  file: string,
  flags: TrainFlags,
  ctx: CliContext,
): Promise<void> {
  // `--adapt` on a design with weights trains from a scratch file of refitted weights.
  const scratch: { dispose?: () => Promise<void> } = {};
  try {
    await train(file, flags, ctx, scratch);
  } finally {
    await scratch.dispose?.();
  }
}

async function train(
  file: string,
  flags: TrainFlags,
  ctx: CliContext,
  scratch: { dispose?: () => Promise<void> },
): Promise<void> {
  const fail = (code: number, message: string): void => {
    ctx.err(`netd train: ${message}\n`);
    ctx.exitCode = code;
  };
  let request: TrainingRequest;
  try {
    let doc = await readNetworkFile(file);
    if (flags.backend === undefined) backendFromEnv(); // a bad NETD_BACKEND is a bad argument
    // A design with a weights sidecar is fine-tuned from it unless --fresh says otherwise.
    let weights = flags.fresh ? null : await findDesignWeights(file);
    if (flags.adapt) {
      // The same Adapt as the dashboard's button, for the data's own needs (adaptRequestFor);
      // with weights, those that still fit are kept and the message names the re-initialised.
      const data = await describeData(normalizeDataSpec(flags.data));
      if (weights) {
        const adapted = await adaptWithSidecar(file, doc, adaptRequestFor(data));
        scratch.dispose = adapted.dispose;
        ({ doc, weights } = adapted);
        ctx.err(`${adapted.message}\n`);
      } else {
        const adapted = adaptNetwork(doc, adaptRequestFor(data));
        doc = adapted.doc;
        ctx.err(`${adapted.message}\n`);
      }
    }
    // The service's own checks, so the command line refuses exactly what the dashboard refuses.
    ({ request } = await validateRequest({
      doc,
      data: flags.data,
      options: optionsFromFlags(flags),
      ...(weights ? { weights } : {}),
    }));
  } catch (err) {
    // Design errors are the network's fault (1); everything else is a bad argument or bad data (2).
    if (err instanceof TrainingError && err.refused === 'design')
      return fail(1, `${file}: ${err.message} — see 'netd inspect ${file}'`);
    return fail(2, (err as Error).message);
  }

  const store = createRunStore(flags.out ?? defaultRunsDir());
  const runId = newRunId();
  let writer;
  try {
    writer = store.create(runId, request);
  } catch (err) {
    return fail(2, `cannot create the run folder in ${store.dir}: ${(err as Error).message}`);
  }
  const mode = flags.json ? 'json' : ctx.isTTY ? 'tty' : 'plain';
  const columns = mode === 'tty' ? (process.stdout.columns ?? 0) : 0;
  const print = createProgressPrinter(mode, ctx.out, writer.dir, columns);
  const signal = { stopped: false };
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
    signal.stopped = true;
    ctx.err('\nStopping after this batch (press Ctrl-C again to quit now)…\n');
  };
  process.on('SIGINT', onSigint);
  let last: TrainingEvent | null = null;
  let outcome: RunOutcome;
  try {
    outcome = await runOnEngine(
      { ...request, runId },
      (e) => {
        last = e;
        print(e);
      },
      signal,
      writer,
      { engine: flags.engine, device: flags.device, nproc: flags.nproc },
    );
  } finally {
    process.off('SIGINT', onSigint);
  }
  const end = last as TrainingEvent | null;
  if (outcome.ended === 'failed') {
    const hint = end?.event === 'failed' ? end.hint : undefined;
    const message =
      hint && !outcome.message.includes(hint) ? `${outcome.message} (${hint})` : outcome.message;
    // Data that turns out unreadable while loading is bad input (2), like data caught up front.
    // So is an engine that cannot run as asked (no torch, --device cuda without a GPU).
    fail(outcome.errorName === 'DataError' || outcome.errorName === 'EngineError' ? 2 : 1, message);
  } else if (outcome.ended === 'stopped') ctx.exitCode = EXIT_INTERRUPTED;
}
