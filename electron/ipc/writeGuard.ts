/**
 * Which files the renderer may have the host write on the desktop. A script injected into the
 * page could otherwise call `files:save` with any path; writes are limited to files the user chose
 * in a native dialog, opened (from a dialog, the recent list or the command line) or restored from
 * the recovery file — never a path the page made up.
 */
import { resolve } from 'node:path';
import { withNetworkExtension } from '../../main/api/paths.ts';
import type { ApiMethod } from '../../main/api/contract.ts';

export interface WriteGuard {
  /** Lets later saves write `path` (a dialog answer, an opened or restored file). */
  allow(path: string): void;
  /** Why the call may not write where it asks, or null when it may (or does not write). */
  refusal(method: ApiMethod, payload: unknown): string | null;
}

/** A guard that starts with no writable file. */
export function createWriteGuard(): WriteGuard {
  const allowed = new Set<string>();
  return {
    allow: (path) => void allowed.add(resolve(withNetworkExtension(path))),
    refusal(method, payload) {
      if (method !== 'filesSave') return null;
      const path = (payload as { path?: unknown } | null)?.path;
      if (typeof path !== 'string') return null; // the schema reports it
      return allowed.has(resolve(withNetworkExtension(path)))
        ? null
        : 'the file was not chosen in a Save dialog or opened in this session — use File → Save As';
    },
  };
}
