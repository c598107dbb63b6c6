/**
 * Small JSON persistence helpers for the app data dir. Writes are atomic (the network files'
 * `writeFileAtomic`) so a crash mid-write never leaves a half-written settings file behind.
 */
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../files/index.ts';

/**
 * Writes `value` as pretty JSON to `path` atomically, creating the parent folder when needed.
 * @throws the underlying fs error when the folder is not writable.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Reads and parses a JSON file. Returns `undefined` when the file does not exist or is not valid
 * JSON: settings files are advisory, and a corrupt one must not stop the app from starting.
 */
export async function readJsonOrUndefined(path: string): Promise<unknown> {
  let text: string;
  try {
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
