/**
 * Makes sure `dist/renderer` is there and newer than the renderer sources before the web host
 * serves it, running `vite build` when it is not.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Newest mtime (ms) of any file under `dir`, skipping node_modules; 0 when `dir` is missing. */
async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

/**
 * Files outside renderer/ and assets/ that end up in the bundle. The renderer imports only types
 * from `main/` (types do not change the bundle), except the one module ESLint lets it import
 * values from.
 */
const BUNDLED_FILES = ['vite.config.ts', 'main/training/vocabulary.ts'];

/**
 * Why the build in `root/dist/renderer` is out of date ('missing' or 'stale'), or null when it
 * is current.
 */
export async function rendererBuildState(root: string): Promise<'missing' | 'stale' | null> {
  const index = await stat(join(root, 'dist', 'renderer', 'index.html')).catch(() => null);
  if (!index) return 'missing';
  const files = await Promise.all(
    BUNDLED_FILES.map(
      async (file) => (await stat(join(root, file)).catch(() => null))?.mtimeMs ?? 0,
    ),
  );
  const sources = Math.max(
    await newestMtime(join(root, 'renderer')),
    await newestMtime(join(root, 'assets')),
    ...files,
  );
  return sources > index.mtimeMs ? 'stale' : null;
}

/** A build older than this is assumed abandoned (its process died) and its lock is taken over. */
const LOCK_STALE_MS = 5 * 60_000;

/**
 * Runs `vite build` in `root` when the renderer build is missing or stale, saying so on `log`.
 * Concurrent callers (several servers or test runs starting at once) build once: the others wait
 * for the lock and then find the build current, instead of emptying dist/ under each other.
 * @throws when the build fails (its output has already gone to stderr).
 */
export async function ensureRendererBuilt(
  root: string,
  log: (line: string) => void,
): Promise<void> {
  const lock = join(root, 'dist', '.renderer-build.lock');
  for (;;) {
    const state = await rendererBuildState(root);
    if (!state) return;
    if (await takeLock(lock)) {
      try {
        // Re-check: another process may have finished a build between our check and the lock.
        const current = await rendererBuildState(root);
        if (!current) return;
        log(
          current === 'missing'
            ? 'Building the renderer (first run)…'
            : 'Renderer sources changed; rebuilding…',
        );
        await runViteBuild(root);
        return;
      } finally {
        await rm(lock, { recursive: true, force: true });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Creates the lock folder (atomic); takes over one left behind by a dead build. */
async function takeLock(lock: string): Promise<boolean> {
  await mkdir(dirname(lock), { recursive: true });
  try {
    await mkdir(lock);
    return true;
  } catch {
    const info = await stat(lock).catch(() => null);
    if (info && Date.now() - info.mtimeMs > LOCK_STALE_MS) {
      await rm(lock, { recursive: true, force: true });
    }
    return false;
  }
}

function runViteBuild(root: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // Output to stderr so the one line on stdout stays the URL.
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: root, stdio: ['ignore', 2, 2] },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with status ${code}`)),
    );
  });
}
