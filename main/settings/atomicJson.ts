/**
 * Small JSON persistence helpers for the app data dir. Writes are atomic (the network files'
 * `writeFileAtomic`) so a crash mid-write never leaves a half-written settings file behind.
 */
import { readFile, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ensurePrivateDir, writeFileAtomic } from '../files/index.ts';

/** Largest settings file read (recent files); the recovery file uses the network file cap. */
const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

/**
 * Writes `value` as pretty JSON to `path` atomically, creating the parent folder when needed.
 * @throws the underlying fs error when the folder is not writable.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  // The data folder holds recent paths and unsaved designs: private to the user (0700, files 0600).
  await ensurePrivateDir(dirname(path));
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}

/**
 * Reads and parses a JSON file. Returns `undefined` when the file does not exist or is not valid
 * JSON: settings files are advisory, and a corrupt one must not stop the app from starting.
 */
export async function readJsonOrUndefined(
  path: string,
  maxBytes = MAX_SETTINGS_BYTES,
): Promise<unknown> {
  let text: string;
  try {
    // A regular file within the cap: a device or a giant file in the data folder is ignored.
    const info = await stat(path);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Deletes a file, ignoring "does not exist". */
export async function removeIfExists(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
