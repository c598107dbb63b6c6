/**
 * File-system steps that must not be fooled by what is already on disk: creating folders (a
 * recursive mkdir under /proc spins forever in Node), reading only regular files of bounded size
 * (a device or FIFO named `*.json` must not be read or block a worker), and cleaning the
 * temporary files a killed save leaves behind.
 */
import { constants, mkdirSync, statSync, type Stats } from 'node:fs';
import { chmod, lstat, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, parse, resolve } from 'node:path';

/** A folder step failed; the message names the path and is meant for the user. */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

/** Most folders one `ensureDir` creates (a guard, far above any real destination). */
const MAX_NEW_FOLDERS = 32;

/**
 * Makes sure `dir` is a folder, creating the missing ones one level at a time under the nearest
 * existing ancestor, which must itself be a real folder. Never uses `mkdir -p` semantics, whose
 * Node implementation loops forever under `/proc`.
 * @throws UnsafePathError naming the path when an ancestor is a file, or a folder cannot be made.
 */
export async function ensureDir(dir: string, mode = 0o777): Promise<void> {
  const target = resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    const info = await stat(at).catch((err: NodeJS.ErrnoException) => {
      // ENOTDIR: a file further up; the walk reaches it and says so.
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null;
      throw new UnsafePathError(`cannot use folder ${at}: ${err.code ?? err.message}`);
    });
    if (info) {
      if (!info.isDirectory()) throw new UnsafePathError(`${at} is not a folder`);
      break;
    }
    missing.push(at);
    if (missing.length > MAX_NEW_FOLDERS)
      throw new UnsafePathError(`${target}: more than ${MAX_NEW_FOLDERS} folders would be created`);
    const parent = dirname(at);
    if (parent === at) throw new UnsafePathError(`${target}: no existing folder above it`);
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder, { mode });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && (await stat(folder)).isDirectory()) continue;
      throw new UnsafePathError(`cannot create folder ${folder}: ${code ?? String(err)}`);
    }
  }
}

/** {@link ensureDir} for the few places that must stay synchronous (creating a run record). */
export function ensureDirSync(dir: string, mode = 0o777): void {
  const target = resolve(dir);
  const missing: string[] = [];
  for (let at = target; ;) {
    let info: Stats | null = null;
    try {
      info = statSync(at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        throw new UnsafePathError(`cannot use folder ${at}: ${code ?? String(err)}`);
    }
    if (info) {
      if (!info.isDirectory()) throw new UnsafePathError(`${at} is not a folder`);
      break;
    }
    missing.push(at);
    const parent = dirname(at);
    if (missing.length > MAX_NEW_FOLDERS || parent === at)
      throw new UnsafePathError(`cannot create folder ${target}`);
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(folder).isDirectory()) continue;
      throw new UnsafePathError(`cannot create folder ${folder}: ${code ?? String(err)}`);
    }
  }
}

/**
 * {@link ensureDir} for the app's own data folder: created 0700, and tightened to 0700 when it
 * exists, belongs to this user and is open to others (the README recommends a shared GPU box).
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await ensureDir(dir, 0o700);
  const info = await stat(dir);
  const mine = typeof process.getuid !== 'function' || info.uid === process.getuid();
  if (mine && (info.mode & 0o077) !== 0) await chmod(dir, 0o700).catch(() => undefined);
}

/** Why a file may not be read as a document, or null when it may. */
export type ReadRefusal = 'folder' | 'not-a-file' | 'too-large';

/**
 * Reads a regular file of at most `maxBytes` as UTF-8. It is opened non-blocking and checked on
 * the open handle (no race between the check and the read): a FIFO or device is refused without
 * waiting on it, and a giant file without reading it. Returns the refusal rather than throwing it.
 * @throws the fs error (ENOENT, EACCES…) for the caller to word.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
): Promise<{ text: string } | { refusal: ReadRefusal; size: number }> {
  const read = await readRegularBytes(path, maxBytes);
  return 'bytes' in read ? { text: read.bytes.toString('utf8') } : read;
}

/** {@link readRegularFile} for binary files (ONNX models): the bytes, or the refusal. */
export async function readRegularBytes(
  path: string,
  maxBytes: number,
): Promise<{ bytes: Buffer } | { refusal: ReadRefusal; size: number }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { refusal: 'folder', size: 0 };
    if (!info.isFile()) return { refusal: 'not-a-file', size: 0 };
    if (info.size > maxBytes) return { refusal: 'too-large', size: info.size };
    return { bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

/** Temp files older than this are left-overs of a killed save (a live save renames in ms). */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** True while process `pid` exists (signal 0 only checks; EPERM: it exists, someone else's). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of earlier, interrupted atomic writes of `file` beside it
 * (`.<name>.<pid>-<hex>.tmp`, or `.<name>.<hex>.tmp` from older versions): at once when the
 * process that wrote it is gone (a killed save), else once older than ten minutes (a pid reused
 * since). Best effort, never throws.
 */
export async function removeStaleTemps(file: string, now = Date.now()): Promise<void> {
  const { dir, base } = parse(file);
  const pattern = new RegExp(`^\\.${escapeRegExp(base)}\\.(?:(\\d{1,10})-)?[0-9a-f]{12}\\.tmp$`);
  try {
    for (const name of await readdir(dir)) {
      const match = pattern.exec(name);
      if (!match) continue;
      const path = join(dir, name);
      const info = await lstat(path).catch(() => null);
      if (!info?.isFile()) continue;
      const pid = match[1] === undefined ? null : Number(match[1]);
      const writerGone = pid !== null && pid > 0 && pid !== process.pid && !processExists(pid);
      if (writerGone || now - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => {});
    }
  } catch {
    /* a folder we cannot list has nothing we could clean */
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
