/**
 * What both hosts of the built renderer (the web server and the Electron `app://` scheme) need to
 * serve a file safely: the URL path decoded and checked, the file kept inside its folder, and the
 * content type sent with it.
 */
import { extname, resolve, sep } from 'node:path';

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

/** The `Content-Type` for `file` by its extension; unknown ones are opaque bytes. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The percent-decoded URL path, or null when it is malformed or holds a NUL (which some file APIs
 * would cut the path at).
 */
export function decodeUrlPath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

/**
 * The absolute path of `relative` (leading slashes ignored) under `root`, or null when `..` or an
 * absolute path would take it outside `root`.
 */
export function fileInside(root: string, relative: string): string | null {
  const base = resolve(root);
  const file = resolve(base, relative.replace(/^\/+/, ''));
  return file.startsWith(base + sep) ? file : null;
}
