/**
 * Reads only the first bytes of a (possibly gzipped) file, so a loader asked for 500 examples does
 * not decompress all 60,000.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { DataError, MAX_SPLIT_BYTES } from './dataset.ts';

/**
 * The most bytes read (or decompressed) from one data file: one byte per pixel, so as many pixels
 * as a split of floats may hold ({@link MAX_SPLIT_BYTES} / 4).
 */
export const MAX_PREFIX_BYTES = Math.floor(MAX_SPLIT_BYTES / Float32Array.BYTES_PER_ELEMENT);

/** True when the file starts with the gzip magic number 1f 8b. */
async function isGzip(path: string): Promise<boolean> {
  const fh = await fs.open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * The first `maxBytes` bytes of the file's content (decompressed when gzipped; detected by magic
 * number, not by name). Returns fewer bytes when the content is shorter.
 * @throws DataError naming the file when it cannot be read or the gzip stream is corrupt.
 */
export async function readPrefix(path: string, maxBytes: number): Promise<Buffer> {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0 || maxBytes > MAX_PREFIX_BYTES)
    throw new DataError(
      `${path}: its header asks for ${Number.isFinite(maxBytes) ? Math.round(maxBytes).toLocaleString('en-US') : 'unbounded'} bytes, more than the ${MAX_PREFIX_BYTES.toLocaleString('en-US')} NetDesigner reads from one file`,
    );
  try {
    // Devices and FIFOs are refused before they are opened (opening a FIFO blocks a worker).
    const info = await fs.stat(path);
    if (!info.isFile()) throw new DataError(`${path} is not a regular file`);
    if (!(await isGzip(path))) {
      const fh = await fs.open(path, 'r');
      try {
        // Never more than the file holds, whatever its header claims.
        const buf = Buffer.alloc(Math.min(maxBytes, info.size));
        let total = 0;
        while (total < buf.length) {
          const { bytesRead } = await fh.read(buf, total, buf.length - total, total);
          if (bytesRead === 0) break;
          total += bytesRead;
        }
        return buf.subarray(0, total);
      } finally {
        await fh.close();
      }
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(`cannot read ${path}: ${(err as Error).message}`);
  }
  // Decompression stops at `maxBytes` (itself capped above): a gzip bomb costs no more than that.
  return gunzipPrefix(path, maxBytes);
}

function gunzipPrefix(path: string, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const input = createReadStream(path);
    const gunzip = createGunzip();
    const finish = (): void => {
      if (settled) return;
      settled = true;
      input.destroy();
      gunzip.destroy();
      resolve(Buffer.concat(chunks, total).subarray(0, Math.min(total, maxBytes)));
    };
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      input.destroy();
      gunzip.destroy();
      reject(new DataError(message));
    };
    gunzip.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= maxBytes) finish();
    });
    gunzip.on('end', finish);
    gunzip.on('error', (err) =>
      fail(
        /unexpected end/i.test(err.message)
          ? `${path} is truncated (its gzip stream ends early)`
          : `${path} is not a valid gzip file (${err.message})`,
      ),
    );
    input.on('error', (err) => fail(`cannot read ${path}: ${err.message}`));
    input.pipe(gunzip);
  });
}

/** Largest class-name list (`classes.txt`, `batches.meta.txt`) read, in bytes. */
export const MAX_CLASS_LIST_BYTES = 1024 * 1024;

/**
 * The text of a small class-name list: a regular file of at most {@link MAX_CLASS_LIST_BYTES}.
 * @throws when it is missing or unreadable (callers fall back to standard names); DataError when
 *   it is a device, a FIFO or too large.
 */
export async function readClassList(path: string): Promise<string> {
  const info = await fs.stat(path);
  if (!info.isFile()) throw new DataError(`${path} is not a regular file`);
  if (info.size > MAX_CLASS_LIST_BYTES)
    throw new DataError(
      `${path} is larger than ${MAX_CLASS_LIST_BYTES / 1024} KB — is it a list of class names?`,
    );
  return fs.readFile(path, 'utf8');
}
