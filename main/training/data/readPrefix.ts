/**
 * Reads only the first bytes of a (possibly gzipped) file, so a loader asked for 500 examples does
 * not decompress all 60,000.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { DataError } from './dataset.ts';

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
  try {
    if (!(await isGzip(path))) {
      const fh = await fs.open(path, 'r');
      try {
        const buf = Buffer.alloc(maxBytes);
        let total = 0;
        while (total < maxBytes) {
          const { bytesRead } = await fh.read(buf, total, maxBytes - total, total);
          if (bytesRead === 0) break;
          total += bytesRead;
        }
        return buf.subarray(0, total);
      } finally {
        await fh.close();
      }
    }
  } catch (err) {
    throw new DataError(`cannot read ${path}: ${(err as Error).message}`);
  }
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
