/**
 * A training run on the PyTorch engine, seen from NetDesigner exactly like a tfjs run: the same
 * validation, the same data with the same seeded splits and normalisation, the same events
 * (started, batch, epoch, done | failed) recorded in the same run store. Python reads the data
 * itself (netd_torch/data.py, the code the exported train.py carries): Node only reads headers, so
 * no data set is held twice, and image files are decoded when a batch needs them. The design is
 * trained as the code `netd export --to pytorch` writes (model.py, kept in the run folder).
 * Stop takes effect before the next batch; a Python process that dies becomes a failed run that
 * keeps every metric logged so far and shows the end of its stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { analyzeNetwork } from '../../network/index.ts';
import { generateModel } from '../../export/pytorch/generateModel.ts';
import { ExportError } from '../../export/pytorch/nodeCode.ts';
import { designError } from '../compile/errors.ts';
import { checkDataFits } from '../data/checkDataFits.ts';
import { describeData } from '../data/loadDataset.ts';
import type { RunWriter } from '../runs/runWriter.ts';
import { TrainingFailure } from '../trainer/failure.ts';
import { resolveTrainingOptions } from '../trainer/options.ts';
import { failureEvent, type RunOutcome } from '../trainer/runTraining.ts';
import type {
  DataDescription,
  TorchBackendName,
  TrainingEvent,
  TrainingOptions,
  TrainingRequest,
} from '../types.ts';
import type { DeviceName } from '../vocabulary.ts';
import { EngineError } from './chooseEngine.ts';
import { parsePythonEvent } from './events.ts';
import { PYTORCH_DIR, probeTorch, torchDevices, torchInstallHint } from './python.ts';
import { checkTorchSettings } from './torchDevices.ts';

/** How the PyTorch engine runs: device (default cuda → mps → cpu) and processes (DDP). */
export interface PytorchSettings {
  device?: DeviceName;
  nproc?: number;
  /** Why this engine was chosen; starts the backend note. */
  reason: string;
}

/** The most stderr kept per run for a crash report. */
const STDERR_KEEP = 8192;

function trainerArgs(o: TrainingOptions): string[] {
  const args = [
    '--epochs', String(o.epochs),
    '--batch-size', String(o.batchSize),
    '--lr', String(o.learningRate),
    '--optimizer', o.optimizer,
    '--momentum', String(o.momentum),
    '--schedule', o.schedule,
    '--step-every', String(o.stepEvery),
    '--step-gamma', String(o.stepGamma),
    '--val-split', String(o.validationSplit),
    '--seed', String(o.seed),
    '--limit', String(o.limit),
    '--test-limit', String(o.testLimit),
    '--patience', String(o.earlyStoppingPatience),
    '--shift', String(o.augment.shift),
  ]; // prettier-ignore
  if (!o.keepBest) args.push('--no-keep-best');
  if (o.augment.flip) args.push('--flip');
  return args;
}

/**
 * The device the run will use and a check that `nproc` processes fit on it.
 * @throws EngineError for `--device cuda` without a GPU, or more processes than devices.
 */
export function resolveDevice(settings: PytorchSettings): DeviceName {
  const p = probeTorch();
  if (p.unusable) throw new EngineError(`${p.unusable} — ${torchInstallHint()}`);
  // The form's Device and Processes are checked by the same function (renderer/training).
  const check = checkTorchSettings(settings, torchDevices(p));
  if (!check.ok) throw new EngineError(check.message);
  return check.device;
}

/** How the processes of a run were started (said in the run's backend note). */
export interface Launcher {
  /** `torchrun`: `python -m torch.distributed.run` (through netd_torch.torchrun); `own`: ours. */
  kind: 'single' | 'torchrun' | 'own';
  /** Why our own launcher was used instead of torchrun. */
  reason?: string;
}

/**
 * Which launcher starts `nproc` processes: torchrun where torch has `torch.distributed`, unless
 * NETD_TORCHRUN=0 asks for NetDesigner's own (it starts the ranks itself with torchrun's
 * environment contract, for a torch whose torchrun cannot start).
 */
export function chooseLauncher(nproc: number, env: NodeJS.ProcessEnv = process.env): Launcher {
  if (nproc <= 1) return { kind: 'single' };
  if (env.NETD_TORCHRUN === '0')
    return { kind: 'own', reason: "NETD_TORCHRUN=0 asks for NetDesigner's launcher" };
  const p = probeTorch();
  if (p.distributed === false)
    return { kind: 'own', reason: `torch ${p.torch} is built without torch.distributed` };
  return { kind: 'torchrun' };
}

/** The launcher in words, for the backend note. */
function launcherNote(l: Launcher): string {
  if (l.kind === 'torchrun') return ' via torchrun';
  if (l.kind === 'own')
    return ` via NetDesigner's launcher (${l.reason ?? 'torchrun unavailable'})`;
  return '';
}

/**
 * Starts the trainer: one process, torchrun with `nproc` workers (in a process group of its own,
 * so that killing the group ends every worker), or `nproc` processes given torchrun's environment
 * contract (RANK, WORLD_SIZE …) directly.
 */
function launch(
  args: string[],
  nproc: number,
  device: DeviceName,
  launcher: Launcher,
): ChildProcess[] {
  const python = probeTorch().python;
  const threads = Math.max(1, Math.floor(cpus().length / nproc));
  const env = {
    ...process.env,
    PYTHONPATH: [PYTORCH_DIR, process.env.PYTHONPATH].filter(Boolean).join(':'),
    PYTHONUNBUFFERED: '1',
    // torchrun would set 1 thread per worker; share the cores instead.
    ...(nproc > 1 && device === 'cpu' ? { OMP_NUM_THREADS: String(threads) } : {}),
  };
  const run = ['-m', 'netd_torch.run', ...args];
  if (launcher.kind === 'torchrun') {
    const torchrun = ['-m', 'netd_torch.torchrun', '--standalone', '--nnodes', '1'];
    return [
      spawn(python, [...torchrun, '--nproc_per_node', String(nproc), ...run], {
        cwd: PYTORCH_DIR,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        env,
      }),
    ];
  }
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  return Array.from({ length: nproc }, (_, rank) =>
    spawn(python, run, {
      cwd: PYTORCH_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...env,
        ...(nproc > 1
          ? {
              RANK: String(rank),
              LOCAL_RANK: String(rank),
              WORLD_SIZE: String(nproc),
              LOCAL_WORLD_SIZE: String(nproc),
              MASTER_ADDR: '127.0.0.1',
              MASTER_PORT: String(port),
            }
          : {}),
      },
    }),
  );
}

/** Ends a launched process at once: torchrun with its whole process group, so no worker lingers. */
function killNow(child: ChildProcess, launcher: Launcher): void {
  if (launcher.kind === 'torchrun' && child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
      return;
    } catch {
      // the group is gone already
    }
  }
  child.kill('SIGKILL');
}

/**
 * The exit status of the worker torchrun blames ("Root Cause (first observed failure)" …
 * "exitcode : 2" in its summary on stderr), or null when it printed none.
 */
export function torchrunWorkerStatus(stderr: string): number | null {
  const cause = stderr.slice(Math.max(0, stderr.lastIndexOf('Root Cause')));
  const m = /exitcode\s*:\s*(-?\d+)/.exec(cause);
  return m ? Number(m[1]) : null;
}

/**
 * The part of the processes' stderr that explains a failure: torchrun appends its own summary
 * ("ChildFailedError", a table of ranks) after the worker's traceback; that summary says nothing
 * the run's message does not.
 */
export function workerStderr(stderr: string): string {
  const cut = stderr.search(/^(ERROR|WARNING):torch\.distributed\.elastic/m);
  const own = cut > 0 ? stderr.slice(0, cut) : stderr;
  return own.trim() ? own : stderr;
}

/**
 * Trains `req.doc` with PyTorch. Same contract as `runTraining`: every outcome is an event and a
 * RunOutcome; nothing is thrown at the caller.
 */
export async function runPytorchTraining(
  req: TrainingRequest & { runId: string },
  emit: (e: TrainingEvent) => void,
  signal: { stopped: boolean },
  store: RunWriter | undefined,
  settings: PytorchSettings,
): Promise<RunOutcome> {
  const { runId } = req;
  const send = (e: TrainingEvent): void => {
    store?.record(e);
    emit(e);
  };
  const fail = (err: unknown, errorName?: string): RunOutcome => {
    const failed = failureEvent(runId, err);
    send(failed);
    const name = errorName ?? (err instanceof Error ? err.name : 'Error');
    return { ended: 'failed', errorName: name, message: failed.message };
  };
  const runDir = store?.dir ?? mkdtempSync(join(tmpdir(), 'netd-torch-run-'));
  try {
    const options = resolveTrainingOptions(req.options);
    const device = resolveDevice(settings);
    const nproc = settings.nproc ?? 1;
    const description = await describeData(req.data);
    const misfits = checkDataFits(description, req.doc);
    if (misfits.length > 0)
      throw new TrainingFailure(
        `the data does not fit the network: ${misfits.join('; ')}`,
        misfits[0],
      );
    const analysis = analyzeNetwork(req.doc);
    const invalid = designError(analysis);
    if (invalid) throw invalid;
    let model;
    try {
      model = generateModel(req.doc, analysis);
    } catch (err) {
      if (err instanceof ExportError) throw new TrainingFailure(err.message);
      throw err;
    }
    if (model.classes !== description.classes.length) {
      throw new TrainingFailure(
        `the network outputs ${model.classes} classes but the data has ${description.classes.length} — set the last Dense layer's units to ${description.classes.length}`,
      );
    }
    const [c, h, w] = model.inputShape;
    // Synthetic data and image folders are produced at the network's input size (as tfjs does).
    const resized = description.format === 'synthetic' || description.format === 'image-folder';
    const dataDescription: DataDescription = {
      ...description,
      inputShape: resized ? [h, w, c] : description.inputShape,
    };
    const modelFile = join(runDir, 'model.py');
    writeFileSync(modelFile, model.source);
    const stopFile = join(runDir, 'stop.request');
    const args = [
      '--model', modelFile,
      '--class', model.className,
      // Resolved here: a relative folder means the one relative to NetDesigner's working directory.
      '--data', description.path ?? description.spec,
      ...trainerArgs(options),
      '--device', device,
      '--json',
      // Fresh weights drawn the way the tfjs engine draws them, so both engines start alike.
      '--init', 'keras',
      '--stop-file', stopFile,
      '--out', runDir,
      ...(req.weights ? ['--init-weights', req.weights] : []),
    ]; // prettier-ignore
    const backend: TorchBackendName = `pytorch-${device}`;
    const launcher = chooseLauncher(nproc);
    const children = launch(args, nproc, device, launcher);
    // The trainer process may be ended under the run (Stop timed out, the app closing): take the
    // Python processes with it instead of leaving them training until their next write fails.
    const killAll = (): void => {
      for (const child of children) killNow(child, launcher);
    };
    process.once('exit', killAll);
    let stderr = '';
    for (const child of children) {
      child.stderr!.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-STDERR_KEEP);
      });
    }
    const stopWatch = setInterval(() => {
      if (signal.stopped) {
        writeFileSync(stopFile, 'stop\n');
        clearInterval(stopWatch);
      }
    }, 50);
    // Set from the line handler, read after the processes exit.
    const state: { ended: RunOutcome | null; protocolError: string | null } = {
      ended: null,
      protocolError: null,
    };
    const lines = createInterface({ input: children[0]!.stdout! });
    lines.on('line', (line) => {
      if (!line.trim() || state.ended) return;
      const e = parsePythonEvent(line);
      if ('invalid' in e) {
        state.protocolError ??= e.invalid;
        return;
      }
      switch (e.event) {
        case 'started':
          send({
            event: 'started',
            runId,
            backend,
            engine: 'pytorch',
            backendNote: `${settings.reason}. ${e.deviceName}, ${e.precision}, ${e.world} process${e.world > 1 ? 'es (DDP)' : ''}${launcherNote(launcher)}.`,
            data: { ...dataDescription, trainCount: e.trainCount, testCount: e.testCount },
            options,
            totalBatches: e.totalBatches,
          });
          return;
        case 'batch':
          send({ ...e, runId, numTensors: 0 });
          return;
        case 'epoch':
          send({ ...e, runId });
          return;
        case 'done': {
          const { weights: _weights, ...rest } = e;
          void _weights;
          send({ ...rest, runId, backend, engine: 'pytorch' });
          state.ended = { ended: e.stopped ? 'stopped' : 'done' };
          return;
        }
        case 'failed':
          state.ended = fail(new TrainingFailure(e.message));
          return;
      }
    });
    const exits = await Promise.all(
      children.map(
        (child) =>
          new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
            child.on('error', () => resolve({ code: null, signal: null }));
            child.on('exit', (code, sig) => resolve({ code, signal: sig }));
          }),
      ),
    );
    await new Promise<void>((resolve) => (lines.once('close', resolve), setTimeout(resolve, 500)));
    clearInterval(stopWatch);
    process.off('exit', killAll);
    const first = exits[0]!;
    if (state.ended) {
      const outcome = state.ended;
      // Python exits 2 for unusable data; torchrun exits 1 and names its worker's status.
      const status = launcher.kind === 'torchrun' ? torchrunWorkerStatus(stderr) : first.code;
      return outcome.ended === 'failed' && status === 2
        ? { ...outcome, errorName: 'DataError' }
        : outcome;
    }
    const how =
      first.code !== null
        ? `exited with status ${first.code}`
        : `was killed${first.signal ? ` (${first.signal})` : ''}`;
    const tail = workerStderr(stderr).trim().split('\n').slice(-6).join('\n');
    return fail(
      new TrainingFailure(
        `the PyTorch process ${how} before the run finished${state.protocolError ? ` (unexpected output: ${state.protocolError})` : ''}`,
        tail ? `last lines of its stderr:\n${tail}` : undefined,
      ),
    );
  } catch (err) {
    if (err instanceof EngineError) return fail(new TrainingFailure(err.message), 'EngineError');
    return fail(err);
  }
}
