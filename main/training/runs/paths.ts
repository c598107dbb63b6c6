/** Where runs live on disk and how run ids look. */
import { randomBytes } from 'node:crypto';
import { dataPaths, resolveDataDir } from '../../settings/dataDir.ts';

/** `$NETD_HOME/runs` (default `~/.netdesigner/runs`): the runs folder of the app data dir. */
export function defaultRunsDir(env: NodeJS.ProcessEnv = process.env): string {
  return dataPaths(resolveDataDir(env)).runs;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** True for ids this store creates or accepts (no path separators, no `..`). */
export function isValidRunId(runId: string): boolean {
  return RUN_ID.test(runId);
}

/** A sortable, unique id: `20261128-234501-a1b2c3`. */
export function newRunId(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
