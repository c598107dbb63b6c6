/**
 * `npm run serve`: builds the renderer if needed, starts the web host with its own training
 * service, prints exactly one line `NetDesigner at http://127.0.0.1:PORT/?token=…` on stdout
 * (everything else goes to stderr), and shuts down cleanly on SIGINT/SIGTERM.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi } from '../api/createApi.ts';
import type { TrainingService } from '../training/service/index.ts';
import { dataPaths, resolveDataDir } from '../settings/dataDir.ts';
import { DEFAULT_PORT, parseServeArgs, SERVE_USAGE, type ServeOptions } from './args.ts';
import { startWebServer, type RunningWebServer } from './httpServer.ts';
import { ensureRendererBuilt } from './rendererBuild.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** A fixed session token (e.g. so open tabs reconnect after a restart); default: a fresh one. */
const TOKEN_ENV = 'NETD_TOKEN';

/** Runs the web host until a signal arrives; returns the process exit code on a startup error. */
export async function runServe(argv: readonly string[]): Promise<number> {
  let options: ServeOptions;
  try {
    options = parseServeArgs(argv);
  } catch (error) {
    console.error(`netd serve: ${(error as Error).message}\n\n${SERVE_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(SERVE_USAGE);
    return 0;
  }
  const token = process.env[TOKEN_ENV]?.trim() || undefined;
  if (token !== undefined && !/^[A-Za-z0-9_-]{24,}$/.test(token)) {
    console.error(
      `netd serve: ${TOKEN_ENV} must be at least 24 characters of A–Z, a–z, 0–9, _ or -.`,
    );
    return 2;
  }
  const dataDir = options.dataDir ? resolve(options.dataDir) : resolveDataDir();
  const homeDir = options.homeDir ? resolve(options.homeDir) : process.cwd();

  try {
    await ensureRendererBuilt(ROOT, (line) => console.error(line));
  } catch (error) {
    console.error(`netd serve: cannot build the renderer: ${(error as Error).message}`);
    return 1;
  }

  const training = await startTrainingService(dataPaths(dataDir).runs);
  const api = createApi({ host: 'web', homeDir, dataDir, training });
  let server: RunningWebServer;
  try {
    server = await listen(api, options.port, token);
  } catch (error) {
    await training?.dispose();
    console.error(`netd serve: ${(error as Error).message}`);
    return 1;
  }
  console.log(`NetDesigner at ${server.url}`);
  if (options.open) openBrowser(server.url);

  await new Promise<void>((done) => {
    const shutdown = (signal: string) => {
      console.error(`\n${signal}: shutting down…`);
      // A second signal while closing means "now".
      process.once(signal, () => process.exit(130));
      void Promise.allSettled([server.close(), training?.dispose()]).then(() => done());
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  return 0;
}

/** Listens on the requested port; the default port falls back to a free one when busy. */
async function listen(
  api: ReturnType<typeof createApi>,
  port: number | null,
  token: string | undefined,
): Promise<RunningWebServer> {
  const rendererDir = resolve(ROOT, 'dist', 'renderer');
  try {
    return await startWebServer({ api, rendererDir, port: port ?? DEFAULT_PORT, token });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (port !== null) {
      throw new Error(`port ${port} is in use; pick another with --port N, or --port 0 for any.`);
    }
    console.error(`Port ${DEFAULT_PORT} is in use; using a free port instead.`);
    return startWebServer({ api, rendererDir, port: 0, token });
  }
}

/** The server's training service, or undefined (training calls then say why) when it fails to load. */
async function startTrainingService(runsDir: string): Promise<TrainingService | undefined> {
  // Loaded dynamically so a broken training install leaves the designer usable.
  try {
    const { createTrainingService } = await import('../training/service/index.ts');
    return createTrainingService({ runsDir });
  } catch (error) {
    console.error(`Training is unavailable: ${(error as Error).message}`);
    return undefined;
  }
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.error(`Could not open a browser; open ${url} yourself.`));
  child.unref();
}
