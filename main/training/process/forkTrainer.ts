/** The default trainer transport for Node hosts (`npm run serve`, tests): a forked child process running `trainerEntry.ts` through tsx. */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrainerChannel } from './messages.ts';

const STDERR_TAIL_BYTES = 4000;

function tsxLoaderUrl(): string {
  // Resolved from this file so the child finds tsx whatever the host's working directory is.
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/**
 * Forks a trainer process. Its stderr is passed through and its tail kept for crash messages.
 * @param entry the trainer entry module (default: `trainerEntry.ts` next to this file).
 */
export function forkTrainer(
  entry = fileURLToPath(new URL('./trainerEntry.ts', import.meta.url)),
): TrainerChannel {
  const child = fork(entry, [], {
    execArgv: ['--import', tsxLoaderUrl()],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  // A failed send (child already gone) surfaces through onExit; do not let it throw here.
  child.on('error', () => undefined);
  return {
    send(msg) {
      if (!exited && child.connected) child.send(msg);
    },
    onMessage(cb) {
      child.on('message', (m) => cb(m));
    },
    onExit(cb) {
      child.on('exit', (code, signal) => cb(code, signal));
    },
    kill() {
      if (!exited) child.kill();
    },
    stderrTail: () => tail,
  };
}
