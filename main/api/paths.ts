/** How the API turns user-typed paths into absolute paths on the host's disk. */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Resolves `path` against `baseDir` (the host's default folder); `~` and `~/…` mean the OS user's
 * home. Absolute paths pass through normalised.
 */
export function resolveUserPath(path: string, baseDir: string): string {
  const trimmed = path.trim();
  if (trimmed === '~') return homedir();
  if (trimmed.startsWith('~/') || trimmed.startsWith('~\\')) {
    return join(homedir(), trimmed.slice(2));
  }
  return isAbsolute(trimmed) ? resolve(trimmed) : resolve(baseDir, trimmed);
}

/** The file name to save to: a name without `.json` gets the `.netd.json` extension. */
export function withNetworkExtension(path: string): string {
  return /\.json$/i.test(path) ? path : `${path.replace(/\.netd$/i, '')}.netd.json`;
}
