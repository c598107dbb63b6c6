/**
 * The training service a host (Electron main, the web server) owns: it validates requests, creates
 * the run record, runs each training in its own trainer process and streams that process's events
 * to subscribers. A crashed trainer becomes a `failed` event and a failed run, never a lost one.
 */
import type {
  DataDescription,
  EnvironmentReport,
  TrainingEvent,
  TrainingRequest,
} from '../types.ts';
import { describeData as describeDataSpec } from '../data/loadDataset.ts';
import { createRunStore, type RunStore } from '../runs/runStore.ts';
import { newRunId } from '../runs/paths.ts';
import { forkTrainer } from '../process/forkTrainer.ts';
import { diagnoseTorchAsync, engineReport } from '../pytorch/doctor.ts';
import {
  childToParentSchema,
  describeInvalid,
  type ChildToParent,
  type TrainerChannel,
} from '../process/messages.ts';
import { TrainingError, asTrainingError } from './errors.ts';
import { normalizeDataSpec, validateRequest } from './validateRequest.ts';

/** How long a trainer may take to wind down after Stop (it finishes the batch, evaluates, saves). */
const STOP_GRACE_MS = 30_000;
/** How long a finished trainer may take to exit before it is killed. */
const EXIT_GRACE_MS = 5_000;
const ENVIRONMENT_TIMEOUT_MS = 120_000;

export interface TrainingService {
  /** Validates, records and starts a run in a new trainer process. @throws TrainingError (bad request, design or data). */
  start(req: TrainingRequest): Promise<{ runId: string }>;
  /** Stops a run; resolves once it has ended (its `done` event has been sent). */
  stop(runId: string): Promise<void>;
  /** Subscribes to the events of every run; returns the unsubscribe function. */
  onEvent(cb: (e: TrainingEvent) => void): () => void;
  /**
   * Backend diagnosis, computed in a trainer process (it loads native libraries). Cached for the
   * service's lifetime (the session): what is installed does not change under a running app, and
   * the check takes seconds. `refresh` checks again; a failed check is never cached.
   */
  environment(options?: { refresh?: boolean }): Promise<EnvironmentReport>;
  /** @throws TrainingError naming the file or folder. */
  describeData(spec: string): Promise<DataDescription>;
  /** The run store (errors re-thrown as TrainingError). */
  runs: RunStore;
  /** Ids of the runs training now. */
  activeRuns(): string[];
  /** Ends every trainer process; runs still training are marked interrupted. */
  dispose(): Promise<void>;
}

export interface TrainingServiceOptions {
  runsDir: string;
  /** Starts a trainer process; default {@link forkTrainer}. The desktop shell passes a utility-process channel. */
  spawn?: () => TrainerChannel;
}

interface ActiveRun {
  runId: string;
  channel: TrainerChannel;
  ended: boolean;
  stopRequested: boolean;
  waiters: (() => void)[];
}

function parseChild(raw: unknown): ChildToParent | string {
  const parsed = childToParentSchema.safeParse(raw);
  return parsed.success
    ? parsed.data
    : `invalid message from the trainer (${describeInvalid(parsed.error)})`;
}

function lastLine(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .filter((l) => l.trim() && !/^\s+at /.test(l));
  return lines.at(-1)?.trim() ?? '';
}

/** Asks a trainer to exit, and kills it if it has not after EXIT_GRACE_MS. */
function shutDown(channel: TrainerChannel): void {
  channel.send({ type: 'shutdown' });
  setTimeout(() => channel.kill(), EXIT_GRACE_MS).unref?.();
}

/** The store's errors as TrainingErrors, whose messages the hosts show as they are. */
function asServiceError<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => Promise.reject(asTrainingError(e)));
}

/** How a process ended, in words; SIGKILL is what the system sends when memory runs out. */
export function exitReason(code: number | null, signal?: string | null): string {
  if (signal === 'SIGKILL') return 'killed by SIGKILL — the system may have run out of memory';
  if (signal) return `ended by ${signal}`;
  return `exit code ${code ?? 'unknown'}`;
}

/** Creates the service over the run store in `runsDir`. */
export function createTrainingService(opts: TrainingServiceOptions): TrainingService {
  const spawn = opts.spawn ?? (() => forkTrainer());
  const store = createRunStore(opts.runsDir);
  const listeners = new Set<(e: TrainingEvent) => void>();
  const active = new Map<string, ActiveRun>();
  let disposed = false;

  const publish = (e: TrainingEvent): void => {
    for (const l of listeners) {
      try {
        l(e);
      } catch (err) {
        console.error('[netd] a training event listener threw:', err);
      }
    }
  };

  const finish = (run: ActiveRun): void => {
    if (run.ended) return;
    run.ended = true;
    active.delete(run.runId);
    for (const w of run.waiters.splice(0)) w();
    shutDown(run.channel);
  };

  /** The trainer is gone, or unusable, without having ended its run: record why. */
  const abandon = async (run: ActiveRun, reason: string): Promise<void> => {
    if (run.ended || disposed) return;
    if (run.stopRequested) {
      await store.markEnded(run.runId, 'stopped', reason).catch(() => undefined);
    } else {
      await store.markFailed(run.runId, reason).catch(() => undefined);
      publish({ event: 'failed', runId: run.runId, message: reason });
    }
    finish(run);
    run.channel.kill();
  };

  /**
   * One run per host at a time: each trainer holds the data set and the model in memory (eight
   * parallel starts took 1.5 GB in 8 s), and runs on one machine would only slow each other.
   */
  const refuseSecondRun = (): void => {
    const [running] = active.keys();
    if (running !== undefined)
      throw new TrainingError(
        `run ${running} is still training — stop it or wait until it ends before starting another (one run at a time)`,
      );
  };

  const runs: RunStore = {
    dir: store.dir,
    list: () => asServiceError(store.list()),
    get: (id) => asServiceError(store.get(id)),
    delete: async (id) => {
      if (active.has(id))
        throw new TrainingError(`run ${id} is still training — stop it before deleting it`);
      await asServiceError(store.delete(id));
    },
    exportModel: (id, dir) => asServiceError(store.exportModel(id, dir)),
    create: (id, req) => store.create(id, req),
    open: (id) => store.open(id),
    markFailed: (id, m, h) => store.markFailed(id, m, h),
    markEnded: (id, s, m) => store.markEnded(id, s, m),
  };

  let environmentReport: Promise<EnvironmentReport> | undefined;

  /**
   * One diagnosis, bounded by a timeout: the tfjs backends in a fresh trainer process (they load
   * native libraries; shut down afterwards) and, at the same time, the PyTorch engine's Python
   * probes from here — importing torch takes seconds, as does starting that process.
   */
  function checkEnvironment(): Promise<EnvironmentReport> {
    // A probe that fails leaves the engine part out rather than the whole report.
    const engine = diagnoseTorchAsync()
      .then(engineReport)
      .catch((err: unknown) => {
        console.error('[netd] probing PyTorch failed:', err);
        return undefined;
      });
    return new Promise<EnvironmentReport>((resolve, reject) => {
      let settled = false;
      const channel = spawn();
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        shutDown(channel);
        fn();
      };
      const timer = setTimeout(
        () => settle(() => reject(new TrainingError('checking the environment timed out'))),
        ENVIRONMENT_TIMEOUT_MS,
      );
      channel.onMessage((raw) => {
        const msg = parseChild(raw);
        if (typeof msg === 'string') settle(() => reject(new TrainingError(msg)));
        else if (msg.type === 'environment')
          void engine.then((e) => settle(() => resolve({ ...msg.report, engine: e })));
        else if (msg.type === 'error') settle(() => reject(new TrainingError(msg.message)));
      });
      channel.onExit((code, signal) =>
        settle(() =>
          reject(
            new TrainingError(
              `could not check the environment: the trainer process exited (${exitReason(code, signal)})`,
            ),
          ),
        ),
      );
      channel.send({ type: 'environment', engine: false });
    });
  }

  return {
    runs,
    activeRuns: () => [...active.keys()],
    onEvent(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async describeData(spec) {
      try {
        return await describeDataSpec(normalizeDataSpec(spec));
      } catch (err) {
        throw asTrainingError(err);
      }
    },
    async start(raw) {
      if (disposed) throw new TrainingError('the training service has been shut down');
      refuseSecondRun();
      const { request } = await validateRequest(raw);
      // Checked again: another start may have got in while this one was being validated.
      refuseSecondRun();
      const runId = newRunId();
      store.create(runId, request);
      let channel: TrainerChannel;
      try {
        channel = spawn();
      } catch (err) {
        const message = `could not start the training process: ${(err as Error).message}`;
        await store.markFailed(runId, message);
        throw new TrainingError(message);
      }
      const run: ActiveRun = { runId, channel, ended: false, stopRequested: false, waiters: [] };
      active.set(runId, run);
      channel.onMessage((raw) => {
        const msg = parseChild(raw);
        if (typeof msg === 'string') {
          void abandon(run, msg);
          return;
        }
        if (msg.type === 'error') {
          void abandon(run, `the training process reported: ${msg.message}`);
          return;
        }
        if (msg.type !== 'event' || msg.event.runId !== runId || run.ended) return;
        publish(msg.event);
        if (msg.event.event === 'done' || msg.event.event === 'failed') finish(run);
      });
      channel.onExit((code, signal) => {
        const tail = lastLine(channel.stderrTail?.() ?? '');
        const how = run.stopRequested
          ? 'the training process was ended after Stop'
          : `the training process crashed (${exitReason(code, signal)})`;
        void abandon(run, tail ? `${how}: ${tail}` : how);
      });
      channel.send({ type: 'start', runId, runsDir: store.dir, request });
      return { runId };
    },
    async stop(runId) {
      const run = active.get(runId);
      if (!run) {
        await runs.get(runId); // throws "does not exist" for an unknown id; a finished run is a no-op
        return;
      }
      run.stopRequested = true;
      const ended = new Promise<void>((resolve) => run.waiters.push(resolve));
      run.channel.send({ type: 'stop', runId });
      const timer = setTimeout(
        () =>
          void abandon(
            run,
            `the training process did not stop within ${STOP_GRACE_MS / 1000} s and was ended`,
          ),
        STOP_GRACE_MS,
      );
      await ended;
      clearTimeout(timer);
    },
    environment(options = {}) {
      if (environmentReport && !options.refresh) return environmentReport;
      const checking = checkEnvironment();
      environmentReport = checking;
      checking.catch(() => {
        if (environmentReport === checking) environmentReport = undefined;
      });
      return checking;
    },
    async dispose() {
      disposed = true;
      for (const run of [...active.values()]) {
        await store
          .markEnded(run.runId, 'interrupted', 'NetDesigner was closed while this run was training')
          .catch(() => undefined);
        run.ended = true;
        for (const w of run.waiters.splice(0)) w();
        run.channel.kill();
      }
      active.clear();
      listeners.clear();
    },
  };
}
