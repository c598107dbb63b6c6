/**
 * Which files and folders the renderer may have the host write on the desktop. A script injected
 * into the page could otherwise call a writing API method with any path; writes are limited to
 * what the user chose in a native dialog, opened (from a dialog, the recent list or the command
 * line) or restored from the recovery file — never a path the page made up. The app's own folders
 * (runs, recovery, scratch weights) are written by the host without a path from the page.
 */
import { isAbsolute, resolve } from 'node:path';
import { withNetworkExtension } from '../../main/api/paths.ts';
import type { ApiMethod } from '../../main/api/contract.ts';

export interface WriteGuard {
  /** Lets later saves write the design file `path` (a dialog answer, an opened or restored file). */
  allow(path: string): void;
  /** Lets *Export* write `path` and its companions beside it (a Save dialog answer). */
  allowExport(path: string): void;
  /** Lets *Export model* write into `dir` (a folder dialog answer). */
  allowFolder(dir: string): void;
  /** Lets *Import…* import `path`, writing the design beside it (an Import dialog answer). */
  allowImport(path: string): void;
  /** Why the call may not write where it asks, or null when it may (or does not write). */
  refusal(method: ApiMethod, payload: unknown): string | null;
}

/** The string field `key` of a payload, or null (then the method's schema reports it). */
function field(payload: unknown, key: string): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/** A guard that starts with nothing writable. */
export function createWriteGuard(): WriteGuard {
  const files = new Set<string>();
  const exports = new Set<string>();
  const folders = new Set<string>();
  const imports = new Set<string>();
  // The API resolves a relative path against the documents folder, not our cwd: only absolute
  // paths (what dialogs answer) can match; a relative one is never allowed.
  const absolute = (path: string): string | null => (isAbsolute(path) ? resolve(path) : null);
  const design = (path: string): string | null => absolute(withNetworkExtension(path));
  const add = (set: Set<string>, key: string | null): void => void (key && set.add(key));
  const has = (set: Set<string>, key: string | null): boolean => key !== null && set.has(key);
  return {
    allow: (path) => add(files, design(path)),
    allowExport: (path) => add(exports, absolute(path)),
    allowFolder: (dir) => add(folders, absolute(dir)),
    allowImport: (path) => add(imports, absolute(path)),
    refusal(method, payload) {
      switch (method) {
        case 'filesSave': {
          const path = field(payload, 'path');
          return path === null || has(files, design(path))
            ? null
            : 'the file was not chosen in a Save dialog or opened in this session — use File → Save As';
        }
        case 'runsContinue': {
          // Writes the weights sidecar beside the design: only a design the user saved or opened.
          const path = field(payload, 'path');
          return path === null || has(files, design(path))
            ? null
            : 'the design was not chosen in a Save dialog or opened in this session — save it first';
        }
        case 'exportDesign': {
          const out = field(payload, 'out');
          return out === null || has(exports, absolute(out))
            ? null
            : 'the export file was not chosen in a Save dialog — use Export… and choose where';
        }
        case 'runsExportModel': {
          const dir = field(payload, 'dir');
          return dir === null || has(folders, absolute(dir))
            ? null
            : 'the folder was not chosen in a folder dialog — use Export model… and choose one';
        }
        case 'filesImport': {
          // Writes NAME.netd.json and its weights beside the model.
          const path = field(payload, 'path');
          return path === null || has(imports, absolute(path))
            ? null
            : 'the model was not chosen in the Import dialog — use File → Import…';
        }
        default:
          return null;
      }
    },
  };
}

/**
 * Wraps a native dialog so that its answer (and only its answer) becomes writable through
 * `allowAnswer` — e.g. a folder dialog with `guard.allowFolder`.
 */
export function allowingAnswers<A extends unknown[]>(
  show: (...args: A) => Promise<string | null>,
  allowAnswer: (path: string) => void,
): (...args: A) => Promise<string | null> {
  return async (...args) => {
    const chosen = await show(...args);
    if (chosen !== null) allowAnswer(chosen);
    return chosen;
  };
}
