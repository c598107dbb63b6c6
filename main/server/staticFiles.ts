/** Serves the built renderer (`dist/renderer`) read-only, with no way out of its folder. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a URL path to a file under `root`, or null when it would leave `root`. `/` and extension-less
 * paths (client-side routes) map to `index.html`.
 */
export function staticPathFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || extname(decoded) === '' ? '/index.html' : decoded;
  const full = normalize(join(root, relative));
  return full.startsWith(normalize(root + sep)) ? full : null;
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
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Vite's hashed assets never change; anything else must be re-read so a rebuild is picked up.
  const hashed = file.includes(`${sep}assets${sep}`);
  const cache = hashed ? 'public, max-age=31536000, immutable' : 'no-store';
  res.writeHead(200, {
    ...headers,
    'Content-Type': type,
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
