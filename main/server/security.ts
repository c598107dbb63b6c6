/**
 * The web host's guards. The server binds to 127.0.0.1 only, but any web page the user visits can
 * still reach 127.0.0.1 from their browser; so every request must carry the session token (query
 * or cookie), and Host/Origin must name this server (stops DNS rebinding and cross-site sockets).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';

/**
 * The cookie is named per port: cookies are not port-scoped, so two hosts on 127.0.0.1 must not
 * overwrite each other's, and its value is a secret of its own (never the API token), because any
 * other server on 127.0.0.1 the browser visits receives it.
 */
function sessionCookieName(port: number): string {
  return `netd_static_${port}`;
}

/** A fresh random session token, URL-safe. */
export function createSessionToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison so the token cannot be guessed byte by byte from response timing. */
function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOCAL_HOSTNAMES = ['127.0.0.1', 'localhost'];

/** True when the Host header names this server (`127.0.0.1:PORT` or `localhost:PORT`). */
function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOCAL_HOSTNAMES.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/** True when there is no Origin (same-origin GETs omit it) or it is this server's origin. */
function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return LOCAL_HOSTNAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

/** The value of one cookie from a Cookie header, or null. */
function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The `Set-Cookie` value that lets the page's own assets load without the token in each URL. Its
 * value is `staticSecret`, which only unlocks static files; the API needs the token itself.
 */
export function sessionCookie(port: number, staticSecret: string): string {
  return `${sessionCookieName(port)}=${staticSecret}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The secrets a request may present: the API token, and (for static files only) the cookie's. */
export interface Credentials {
  token: string;
  /** Set only where the static-file cookie may stand in for the token. */
  staticSecret?: string;
}

/** Why a request is refused, or null when it may proceed. Token: query `token` or the cookie. */
export function refusal(
  req: IncomingMessage,
  url: URL,
  port: number,
  credentials: Credentials,
): string | null {
  if (!isAllowedHost(req.headers.host, port)) return 'unexpected Host header';
  if (!isAllowedOrigin(req.headers.origin, port)) return 'cross-origin request';
  if (tokenMatches(url.searchParams.get('token'), credentials.token)) return null;
  const cookie = readCookie(req.headers.cookie, sessionCookieName(port));
  if (credentials.staticSecret !== undefined && tokenMatches(cookie, credentials.staticSecret)) {
    return null;
  }
  return 'missing or wrong session token';
}

/**
 * The request target as a URL on this server, or null when it cannot be parsed (an absolute-form
 * target such as `http://[` makes `new URL` throw; that must be a 400, never a crash).
 */
export function requestUrl(target: string | undefined, port: number): URL | null {
  try {
    return new URL(target ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

/**
 * Headers for every response. The CSP is the one shared with the desktop app, plus this origin and
 * its WebSocket as the only places the page may connect to. `no-referrer` keeps the token out of any
 * Referer header.
 */
export function securityHeaders(port: number): Record<string, string> {
  const sockets = LOCAL_HOSTNAMES.map((name) => `ws://${name}:${port}`).join(' ');
  const csp = contentSecurityPolicy({
    'default-src': "'self'",
    'connect-src': `'self' ${sockets}`,
  });
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
