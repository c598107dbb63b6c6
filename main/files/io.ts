/** Reading and atomically writing `*.netd.json` files. */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { NetworkDoc } from '../network/types.ts';
import { NetworkFileError } from './errors.ts';
import { parseNetworkText, serializeNetwork } from './parse.ts';

function ioReason(
  err: unknown,
  verb: string,
): { kind: 'not-found' | 'unreadable' | 'write-failed'; reason: string } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const kind = verb === 'read' ? 'unreadable' : 'write-failed';
  switch (code) {
    case 'ENOENT':
      return verb === 'read'
        ? { kind: 'not-found', reason: 'file not found' }
        : { kind, reason: 'cannot write: the folder does not exist' };
    case 'EISDIR':
      return { kind, reason: `cannot ${verb}: it is a folder, not a file` };
    case 'EACCES':
    case 'EPERM':
      return { kind, reason: `cannot ${verb}: permission denied` };
    case 'ENOSPC':
      return { kind, reason: `cannot ${verb}: the disk is full` };
    default:
      return {
        kind,
        reason: `cannot ${verb}: ${err instanceof Error ? err.message : String(err)}`,
      };
  }
}

/**
 * Reads and parses a network file.
 * @throws NetworkFileError: not-found, unreadable, not-json, wrong-format, newer-version, invalid.
 */
export async function readNetworkFile(path: string): Promise<NetworkDoc> {
  if (path.trim() === '') throw new NetworkFileError('not-found', undefined, 'no file name given');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const { kind, reason } = ioReason(err, 'read');
    throw new NetworkFileError(kind, path, reason);
  }
  return parseNetworkText(text, path);
}

/**
 * Writes a network atomically (see {@link writeFileAtomic}).
 * @throws NetworkFileError (write-failed).
 */
export async function writeNetworkFile(path: string, doc: NetworkDoc): Promise<void> {
  const text = serializeNetwork(doc);
  try {
    await writeFileAtomic(path, text);
  } catch (err) {
    const { reason } = ioReason(err, 'write');
    throw new NetworkFileError('write-failed', path, reason);
  }
}

/**
 * Writes `text` (a string as UTF-8, or bytes) atomically: a temp file in the same folder is written and fsynced, then renamed
 * over the target, so a crash leaves either the old file or the new one, never half of either.
 * The folder must exist.
 * @throws the underlying fs error; no temp file is left behind.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  // Persist the rename itself; best effort (not supported on every platform/filesystem).
  try {
    const dir = await open(dirname(path), 'r');
    await dir.sync().finally(() => dir.close());
  } catch {
    /* directory fsync is an optimisation of durability, not of correctness */
  }
}
