/**
 * A stand-in for Electron's `utilityProcess.fork` in plain Node (test-only): a child process that
 * sees the utility-process API (`process.parentPort`, no `process.send`; see
 * utilityProcessPreload.mjs), structured-clone messages, and an `exit` event with the code only —
 * so the real trainer bundle and `createUtilityTrainerChannel` can be exercised end to end.
 */
import { fork } from 'node:child_process';
import type { ForkOptions } from 'electron';
import type { UtilityProcessLike } from '../training/utilityTrainerChannel.ts';

const PRELOAD = new URL('./utilityProcessPreload.mjs', import.meta.url).href;

/** Every stand-in process started so far (tests check they all end). */
export const forkedStandIns: { pid: number | undefined; exited: boolean }[] = [];

/** Forks `modulePath` the way `utilityProcess.fork(modulePath, args, options)` would run it. */
export function forkUtilityStandIn(
  modulePath: string,
  args: string[] = [],
  options: ForkOptions = {},
): UtilityProcessLike {
  type Io = 'pipe' | 'ignore' | 'inherit';
  const one = (options.stdio ?? 'inherit') as Io;
  const stdio = (Array.isArray(options.stdio) ? options.stdio : [one, one, one]) as Io[];
  if (stdio[0] !== 'ignore') throw new Error('utilityProcess.fork: stdin must be "ignore"');
  const child = fork(modulePath, args, {
    execArgv: ['--import', PRELOAD],
    serialization: 'advanced',
    stdio: ['ignore', stdio[1] ?? 'inherit', stdio[2] ?? 'inherit', 'ipc'],
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: options.env as NodeJS.ProcessEnv } : {}),
  });
  const record = { pid: child.pid, exited: false };
  forkedStandIns.push(record);
  const exitListeners: ((code: number) => void)[] = [];
  child.on('exit', (code, signal) => {
    record.exited = true;
    // Electron reports a signal death as a non-zero code; never null.
    for (const listener of exitListeners) listener(code ?? (signal ? 1 : 0));
  });
  child.on('error', () => undefined);
  const proc: UtilityProcessLike = {
    postMessage: (message) => {
      if (child.connected) child.send(message as never);
    },
    on: ((event: string, listener: (...args: unknown[]) => void) => {
      if (event === 'exit') exitListeners.push(listener as (code: number) => void);
      else child.on(event, listener);
      return proc;
    }) as UtilityProcessLike['on'],
    kill: () => child.kill(),
    stderr: child.stderr,
  };
  return proc;
}
