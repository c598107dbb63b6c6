/**
 * The training service's `TrainerChannel` backed by an Electron utility process: the trainer runs
 * in its own Node process (no UI thread is ever blocked, a crash in the native TensorFlow backend
 * cannot take the window down) and talks to the main process with structured-clone messages.
 */
import type { ForkOptions } from 'electron';
import type { TrainerChannel } from '../../main/training/process/messages.ts';

export type { TrainerChannel };

const STDERR_TAIL_CHARS = 4000;

/** The slice of Electron's `UtilityProcess` used here (tests pass a fake). */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'spawn', listener: () => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
  /** Present because the trainer is forked with a piped stderr. */
  stderr: NodeJS.ReadableStream | null;
}

export type ForkUtility = (
  modulePath: string,
  args: string[],
  options: ForkOptions,
) => UtilityProcessLike;

/**
 * Starts the trainer bundle at `entryPath` in a utility process and returns its channel. Messages
 * sent before the process has spawned are queued and delivered in order once it has.
 */
export function createUtilityTrainerChannel(fork: ForkUtility, entryPath: string): TrainerChannel {
  const child = fork(entryPath, [], {
    serviceName: 'NetDesigner Trainer',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  // stderr is passed through and its tail kept, so a crash in the native backend can be reported
  // with its last words rather than just an exit code.
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer | string) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  });
  let spawned = false;
  let exited = false;
  // UtilityProcess.kill() is a no-op until the process has a pid: remember a kill asked for
  // before 'spawn' and carry it out then, so no trainer outlives the run that wanted it gone.
  let killRequested = false;
  const queue: unknown[] = [];
  child.on('spawn', () => {
    spawned = true;
    if (killRequested) {
      queue.length = 0;
      child.kill();
      return;
    }
    for (const message of queue.splice(0)) child.postMessage(message);
  });
  child.on('exit', () => {
    exited = true;
  });
  return {
    send(message) {
      if (exited) return;
      if (spawned) child.postMessage(message);
      else queue.push(message);
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      child.on('exit', (code) => listener(code));
    },
    kill() {
      if (exited) return;
      if (spawned) child.kill();
      else killRequested = true;
    },
    stderrTail: () => tail,
  };
}
