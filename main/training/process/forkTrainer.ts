/**
 * The default trainer transport for Node hosts (`netd train`, `npm run serve`, tests): a forked
 * child process running the bundled trainer, or `trainerEntry.ts` through tsx from sources.
 */
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
 * In the esbuild-bundled CLI (scripts/bundle/cli.mjs) this names the bundled trainer beside it;
 * run from sources it is not defined and the trainer runs through tsx.
 */
declare const __NETD_TRAINER_BUNDLE__: string | undefined;
const TRAINER_BUNDLE =
  typeof __NETD_TRAINER_BUNDLE__ === 'string' ? __NETD_TRAINER_BUNDLE__ : undefined;

/**
 * Forks a trainer process. Its stderr is passed through and its tail kept for crash messages.
 * @param entry the trainer entry module (default: the bundled trainer when this code is bundled,
 *   else `trainerEntry.ts` next to this file).
 */
export function forkTrainer(
  entry = TRAINER_BUNDLE ?? fileURLToPath(new URL('./trainerEntry.ts', import.meta.url)),
): TrainerChannel {
  const child = fork(entry, [], {
    // A bundle is plain JavaScript; a .ts entry needs tsx's loader.
    execArgv: entry.endsWith('.ts') ? ['--import', tsxLoaderUrl()] : [],
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
