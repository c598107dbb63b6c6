// Where the CLI bundles live and whether they are stale. No esbuild here: bin/netd.mjs reads this
// on every start, and loading esbuild would cost more than the check.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the bundles go, relative to the app root (two levels down, see sourceUrl.mjs). */
export const CLI_DIR = join('dist', 'cli');
export const CLI_BUNDLE = join(CLI_DIR, 'netd.cjs');
export const TRAINER_BUNDLE = join(CLI_DIR, 'trainer.cjs');

/** What the bundles are built from: a newer file here makes them stale. */
const SOURCE_DIRS = ['main'];
const SOURCE_FILES = ['package.json', 'scripts/bundle/cli.mjs', 'scripts/bundle/sourceUrl.mjs'];

/**
 * True when a bundle is missing or older than a source file (tests excluded). About 400 stats,
 * a few milliseconds: cheap enough for every `netd` start in a development checkout.
 */
export function cliBundleStale(root) {
  let built;
  try {
    built = Math.min(
      statSync(join(root, CLI_BUNDLE)).mtimeMs,
      statSync(join(root, TRAINER_BUNDLE)).mtimeMs,
    );
  } catch {
    return true;
  }
  for (const file of SOURCE_FILES) {
    if (existsSync(join(root, file)) && statSync(join(root, file)).mtimeMs > built) return true;
  }
  for (const dir of SOURCE_DIRS) {
    const entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts'))
        continue;
      if (statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs > built) return true;
    }
  }
  return false;
}

/**
 * Builds the bundles when they are missing or stale; true when fresh bundles are there afterwards.
 * Never throws: a build failure (e.g. a half-edited source) returns false and the caller falls
 * back to running the sources through tsx, which reports the error where it is.
 */
export async function ensureCliBundle(root) {
  if (!cliBundleStale(root)) return true;
  try {
    const { buildCli } = await import('./cli.mjs');
    await buildCli(root);
    return true;
  } catch {
    return false;
  }
}
