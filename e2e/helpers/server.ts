/**
 * Starts `npm run serve` for the e2e tests: `node scripts/serve.mjs --port 0 --no-open` with a
 * fresh temp NETD_HOME (app data) and home folder (where saved files go), and parses the URL line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const URL_LINE = /^NetDesigner at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))$/m;
const START_TIMEOUT_MS = 120_000;

export interface AppServer {
  /** The printed URL, with its token: what a user opens. */
  url: string;
  /** `http://127.0.0.1:PORT` (no token). */
  origin: string;
  port: number;
  token: string;
  /** Temp folder the server reads and writes files in (its `--home`). */
  homeDir: string;
  /** Temp app data dir (NETD_HOME): recent files, recovery, runs. */
  dataDir: string;
  /** Everything the server wrote to stderr so far (for failure messages). */
  log(): string;
  /** Stops the server (SIGTERM, then SIGKILL) and deletes its temp folders. */
  stop(): Promise<void>;
}

/**
 * Spawns a web host on a random free port and resolves once it printed its URL.
 * @throws when it exits or prints nothing within two minutes (its stderr is in the message).
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const base = await mkdtemp(join(tmpdir(), 'netd-e2e-'));
  const homeDir = join(base, 'files');
  const dataDir = join(base, 'data');
  await mkdir(homeDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'serve.mjs'), '--port', '0', '--no-open', '--home', homeDir],
    {
      cwd: ROOT,
      env: { ...process.env, NETD_HOME: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the server printed no URL within ${START_TIMEOUT_MS / 1000}s\n${stderr}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = URL_LINE.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with status ${code} before printing its URL\n${stderr}`));
    });
  }).catch(async (error: unknown) => {
    await kill(child);
    await rm(base, { recursive: true, force: true });
    throw error;
  });

  const port = Number(match[2]);
  return {
    url: match[1]!,
    origin: `http://127.0.0.1:${port}`,
    port,
    token: match[3]!,
    homeDir,
    dataDir,
    log: () => stderr,
    stop: async () => {
      await kill(child);
      await rm(base, { recursive: true, force: true });
    },
  };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
