/**
 * The trainer process: started by `forkTrainer` (Node child process with IPC) or, in the desktop
 * app, as an Electron utility process whose `parentPort` is shimmed onto `process.send`. It runs on
 * import: it answers `environment`, runs one `start` at a time, honours `stop` within a batch and
 * exits on `shutdown` or when the parent goes away.
 */
import { failureEvent } from '../trainer/runTraining.ts';
import { runOnEngine } from '../pytorch/runOnEngine.ts';
import { diagnoseTorchAsync, engineReport } from '../pytorch/doctor.ts';
import { createRunStore } from '../runs/runStore.ts';
import type { RunWriter } from '../runs/runWriter.ts';
import type { EngineReport } from '../types.ts';
import { diagnoseEnvironment } from '../backend/diagnose.ts';
import {
  describeInvalid,
  parentToChildSchema,
  type ChildToParent,
  type ParentToChild,
} from './messages.ts';

interface ActiveRun {
  runId: string;
  signal: { stopped: boolean };
  writer: RunWriter | null;
}

let active: ActiveRun | null = null;

function send(msg: ChildToParent): void {
  process.send?.(msg);
}

async function startRun(msg: Extract<ParentToChild, { type: 'start' }>): Promise<void> {
  if (active) {
    send({ type: 'error', message: `this trainer is already running ${active.runId}` });
    return;
  }
  const run: ActiveRun = { runId: msg.runId, signal: { stopped: false }, writer: null };
  active = run;
  try {
    run.writer = await createRunStore(msg.runsDir).open(msg.runId);
  } catch (err) {
    send({
      type: 'event',
      event: failureEvent(
        msg.runId,
        new Error(`cannot open the run record: ${(err as Error).message}`),
      ),
    });
    active = null;
    return;
  }
  const { engine, device, nproc, ...request } = msg.request;
  // A request without an engine trains on TensorFlow.js, as every request did before engines.
  // runOnEngine never throws for the engine's own failures (no torch, Python dying): each is a
  // failed event and record; anything else reaches failActive below.
  await runOnEngine(
    { ...request, runId: msg.runId },
    (event) => send({ type: 'event', event }),
    run.signal,
    run.writer,
    { engine: engine ?? 'tfjs', device, nproc },
  );
  active = null;
}

/** The engine part of the report; a probe that fails leaves it out rather than the whole report. */
async function torchReport(): Promise<EngineReport | undefined> {
  try {
    return engineReport(await diagnoseTorchAsync());
  } catch (err) {
    console.error('[netd] probing PyTorch failed:', err);
    return undefined;
  }
}

async function handle(raw: unknown): Promise<void> {
  const parsed = parentToChildSchema.safeParse(raw);
  if (!parsed.success) {
    send({
      type: 'error',
      message: `the trainer received an invalid message (${describeInvalid(parsed.error)})`,
    });
    return;
  }
  const msg = parsed.data;
  switch (msg.type) {
    case 'start':
      await startRun(msg);
      return;
    case 'stop':
      if (active && active.runId === msg.runId) active.signal.stopped = true;
      return;
    case 'environment':
      try {
        // Python imports torch in its own processes while this one loads the tfjs backends.
        const engine = msg.engine === false ? undefined : torchReport();
        const report = await diagnoseEnvironment();
        send({ type: 'environment', report: { ...report, engine: await engine } });
      } catch (err) {
        send({
          type: 'error',
          message: `checking the environment failed: ${(err as Error).message}`,
        });
      }
      return;
    case 'shutdown':
      process.exit(0);
  }
}

/**
 * True when an error only says the host is gone (it was killed: writing to its pipe fails, the
 * channel is closed). The run did not fail: its record stays 'running' and the next host to read
 * it shows it as interrupted, with what it logged.
 */
function hostGone(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_IPC_CHANNEL_CLOSED' || !process.connected;
}

/** A crash inside tfjs still leaves a failed record and event behind before the process ends. */
function failActive(err: unknown): void {
  if (hostGone(err)) process.exit(0);
  if (active) {
    const event = failureEvent(active.runId, err);
    try {
      active.writer?.record(event);
    } catch {
      // the record is best effort here; the parent marks the run failed when we exit
    }
    send({ type: 'event', event });
  }
  console.error(err);
  setTimeout(() => process.exit(1), 100);
}

if (typeof process.send !== 'function') {
  console.error('trainerEntry must run as a child process with an IPC channel (see forkTrainer).');
  process.exit(2);
}
process.on('message', (raw: unknown) => {
  handle(raw).catch(failActive);
});
process.on('uncaughtException', failActive);
process.on('unhandledRejection', failActive);
// Ended by the service (kill()): a PyTorch run's 'exit' listener takes its Python processes
// along; then the process ends by SIGTERM as before, so the service says how it ended.
process.once('SIGTERM', () => {
  process.emit('exit', 143);
  process.kill(process.pid, 'SIGTERM');
});
// A Node parent that exits (or crashes) closes the channel: nothing is left to report to.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', pid: process.pid });
