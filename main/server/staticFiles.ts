/** Serves the built renderer (`dist/renderer`) read-only, with no way out of its folder. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, sep } from 'node:path';
import { contentTypeFor, decodeUrlPath, fileInside } from './staticPaths.ts';

/**
 * Maps a URL path to a file under `root`, or null when it would leave `root`. `/` and extension-less
 * paths (client-side routes) map to `index.html`.
 */
export function staticPathFor(root: string, pathname: string): string | null {
  const decoded = decodeUrlPath(pathname);
  if (decoded === null) return null;
  return fileInside(root, decoded === '/' || extname(decoded) === '' ? 'index.html' : decoded);
}

/**
 * Streams `file` with its content type and the given headers. Returns false (writing nothing) when
 * the file does not exist, so the caller can answer 404.
 */
export async function sendFile(
  res: ServerResponse,
  file: string,
  headers: Record<string, string>,
  method: string,
): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  // Vite's hashed assets never change; anything else must be re-read so a rebuild is picked up.
  const hashed = file.includes(`${sep}assets${sep}`);
  const cache = hashed ? 'public, max-age=31536000, immutable' : 'no-store';
  res.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(info.size),
    'Cache-Control': cache,
  });
  if (method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
  return true;
}
