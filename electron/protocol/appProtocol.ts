/**
 * Serves the built renderer (`dist/renderer`) on `app://netdesigner/`. Only files inside that
 * folder are reachable (no `..` escape, no other host), every response carries the CSP, and
 * anything else is a plain 404 — the page can never read arbitrary files through the scheme.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeFor, decodeUrlPath, fileInside } from '../../main/server/staticPaths.ts';
import { CONTENT_SECURITY_POLICY } from '../security/contentSecurityPolicy.ts';
import { APP_HOST, APP_SCHEME } from './appUrl.ts';

/** The privileges `protocol.registerSchemesAsPrivileged` must grant the scheme (before `ready`). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * Maps a request URL to a file inside `rootDir`, or `null` when it is outside it, on another host
 * or scheme, or malformed. `/` maps to `index.html`.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const pathname = decodeUrlPath(parsed.pathname);
  if (pathname === null) return null;
  return fileInside(rootDir, pathname === '/' || pathname === '' ? 'index.html' : pathname);
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

/** Returns the `protocol.handle` handler serving `rootDir`. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405 });
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypeFor(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}
