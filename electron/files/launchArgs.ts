/**
 * Finds the network file a launch asks to open: `netdesigner model.netd.json`, a double-click on a
 * file associated with the app (Windows/Linux pass it as an argument), or a second launch while
 * the app is running (single-instance lock hands us its argv and working directory).
 */
import { isAbsolute, resolve } from 'node:path';
import { NETWORK_FILE_EXTENSION } from '../desktopBridge.ts';

/**
 * Returns the absolute path of the first `*.netd.json` argument in `argv` (relative paths resolve
 * against `cwd`), or `null`. Flags (`--…`) and Electron's own arguments are ignored.
 */
export function findNetworkFileArg(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (!arg.toLowerCase().endsWith(NETWORK_FILE_EXTENSION)) continue;
    return isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg);
  }
  return null;
}

/** Returns `path` with the `.netd.json` extension, adding it when the user typed a bare name. */
export function withNetworkFileExtension(path: string): string {
  if (path.toLowerCase().endsWith(NETWORK_FILE_EXTENSION)) return path;
  // "model.json" or "model.netd" typed in a save dialog still becomes "model.netd.json".
  return `${path.replace(/(\.netd)?(\.json)?$/i, '')}${NETWORK_FILE_EXTENSION}`;
}
