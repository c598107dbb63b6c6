/**
 * The recent-files list: most recent first, at most {@link MAX_RECENT_FILES}, one entry per path.
 * Stored as JSON in the app data dir; a missing or corrupt file reads as an empty list.
 */
import { z } from 'zod';
import { readJsonOrUndefined, writeJsonAtomic } from './atomicJson.ts';
import type { RecentFile } from './types.ts';

export type { RecentFile };

export const MAX_RECENT_FILES = 10;

const recentFileSchema = z.object({
  path: z.string().min(1),
  name: z.string(),
  openedAt: z.string(),
});
const recentFilesFileSchema = z.object({
  version: z.literal(1),
  files: z.array(z.unknown()),
});

export interface RecentFilesStore {
  /** Most recent first. */
  list(): Promise<RecentFile[]>;
  /** Moves (or adds) `path` to the top and trims the list; returns the new list. */
  add(entry: { path: string; name: string }, now?: Date): Promise<RecentFile[]>;
  /** Drops `path` (e.g. when it can no longer be opened); returns the new list. */
  remove(path: string): Promise<RecentFile[]>;
}

/** A recent-files store backed by the JSON file at `file`. */
export function createRecentFilesStore(file: string): RecentFilesStore {
  // Serialise read-modify-write cycles so two quick saves never lose an entry.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  async function read(): Promise<RecentFile[]> {
    const parsed = recentFilesFileSchema.safeParse(await readJsonOrUndefined(file));
    if (!parsed.success) return [];
    // Keep the valid entries of a partly damaged list rather than dropping all of it.
    const entries: RecentFile[] = [];
    for (const raw of parsed.data.files) {
      const entry = recentFileSchema.safeParse(raw);
      if (entry.success) entries.push(entry.data);
    }
    return entries.slice(0, MAX_RECENT_FILES);
  }

  async function write(files: RecentFile[]): Promise<RecentFile[]> {
    const trimmed = files.slice(0, MAX_RECENT_FILES);
    await writeJsonAtomic(file, { version: 1, files: trimmed });
    return trimmed;
  }

  return {
    list: () => serial(read),
    add: ({ path, name }, now = new Date()) =>
      serial(async () => {
        const rest = (await read()).filter((f) => f.path !== path);
        return write([{ path, name, openedAt: now.toISOString() }, ...rest]);
      }),
    remove: (path) =>
      serial(async () => {
        const files = await read();
        const rest = files.filter((f) => f.path !== path);
        return rest.length === files.length ? files : write(rest);
      }),
  };
}
