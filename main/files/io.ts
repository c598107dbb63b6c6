/** Reading and atomically writing `*.netd.json` files. */
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { NetworkDoc } from '../network/types.ts';
import { NetworkFileError } from './errors.ts';
import { MAX_NETWORK_FILE_BYTES } from '../network/limits.ts';
import { parseNetworkText, serializeNetwork } from './parse.ts';
import { readRegularFile, removeStaleTemps } from './safeFs.ts';

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
  let read: Awaited<ReturnType<typeof readRegularFile>>;
  try {
    read = await readRegularFile(path, MAX_NETWORK_FILE_BYTES);
  } catch (err) {
    const { kind, reason } = ioReason(err, 'read');
    throw new NetworkFileError(kind, path, reason);
  }
  if ('refusal' in read)
    throw new NetworkFileError(
      'unreadable',
      path,
      read.refusal === 'folder'
        ? 'cannot read: it is a folder, not a file'
        : read.refusal === 'not-a-file'
          ? 'cannot read: it is not a regular file (a device, pipe or socket)'
          : `cannot read: it is ${(read.size / 1024 ** 2).toFixed(0)} MB, more than the ${MAX_NETWORK_FILE_BYTES / 1024 ** 2} MB a network file may have`,
    );
  return parseNetworkText(read.text, path);
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

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Mode of a file that does not exist yet (default 0666 less the umask). */
  mode?: number;
}

/**
 * Writes `text` (a string as UTF-8, or bytes) atomically: a temp file in the same folder is
 * written and fsynced, then renamed over the target, so a crash leaves either the old file or the
 * new one, never half of either. An existing file keeps what makes it that file: a symlink is
 * followed and its target written (the link stays a link), the mode and (where permitted) owner
 * are kept, and a file with several hard links is written in place so every link sees the new
 * content. Temp files left by earlier killed writes are removed. The folder must exist.
 * @throws the underlying fs error; no temp file is left behind.
 */
export async function writeFileAtomic(
  path: string,
  text: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isFile())
    throw Object.assign(new Error(`${target} is not a regular file`), { code: 'EISDIR' });
  if (existing && existing.nlink > 1) {
    // Renaming would detach this name from the other links: write through instead.
    const handle = await open(target, 'r+');
    try {
      await handle.truncate(0);
      await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return;
  }
  // The writer's pid in the name: a temp whose process is gone is known stale at once.
  const tmp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(
      tmp,
      'wx',
      existing ? existing.mode & 0o7777 : (options.mode ?? 0o666),
    );
    try {
      await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
      if (existing) {
        // open()'s mode is filtered by the umask; the old file's mode is restored exactly.
        await handle.chmod(existing.mode & 0o7777);
        await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await removeStaleTemps(target);
  path = target;
  // Persist the rename itself; best effort (not supported on every platform/filesystem).
  try {
    const dir = await open(dirname(path), 'r');
    await dir.sync().finally(() => dir.close());
  } catch {
    /* directory fsync is an optimisation of durability, not of correctness */
  }
}
