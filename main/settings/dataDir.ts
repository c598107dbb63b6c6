/**
 * Where NetDesigner keeps its own state (recent files, the recovery file, training runs).
 * `NETD_HOME` overrides the default so tests and several instances never share state.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** The env var that overrides the app data dir. */
export const NETD_HOME_ENV = 'NETD_HOME';

/**
 * Resolves the app data dir: `NETD_HOME` when set (relative paths resolve against the cwd), else
 * `~/.netdesigner`.
 */
export function resolveDataDir(
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
): string {
  const fromEnv = env[NETD_HOME_ENV]?.trim();
  if (fromEnv) return isAbsolute(fromEnv) ? fromEnv : resolve(fromEnv);
  return join(home, '.netdesigner');
}

/** The paths of the files and folders inside the app data dir. */
export function dataPaths(dataDir: string): {
  recentFiles: string;
  recovery: string;
  runs: string;
} {
  return {
    recentFiles: join(dataDir, 'recent-files.json'),
    recovery: join(dataDir, 'recovery.netd-recovery.json'),
    runs: join(dataDir, 'runs'),
  };
}
