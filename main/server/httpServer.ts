/**
 * The local web host: one HTTP server on 127.0.0.1 that serves the built renderer and upgrades
 * `/api` to the API WebSocket. Every request needs the session token (see `security.ts`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NetdApi } from '../api/contract.ts';
import type { ErrorLogger } from '../api/dispatch.ts';
import {
  createSessionToken,
  refusal,
  requestUrl,
  securityHeaders,
  sessionCookie,
} from './security.ts';
import { sendFile, staticPathFor } from './staticFiles.ts';
import { createApiSocketServer } from './wsBridge.ts';

export const HOST = '127.0.0.1';
/** The WebSocket path the renderer connects to. */
export const API_SOCKET_PATH = '/api';

export interface WebServerOptions {
  api: NetdApi;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 = any free port. */
  port: number;
  /** Fixed token (tests); default a fresh random one. */
  token?: string;
  logError?: ErrorLogger;
}

export interface RunningWebServer {
  port: number;
  token: string;
  /** `http://127.0.0.1:PORT/?token=…` — the one line users open. */
  url: string;
  server: Server;
  /** Closes sockets and the listener; resolves when both are closed. */
  close(): Promise<void>;
}

/**
 * Starts the web host and resolves once it listens.
 * @throws the listen error (e.g. `EADDRINUSE` for a busy port).
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? createSessionToken();
  // The cookie's own secret: it unlocks static files only, so leaking it leaks no API access.
  const staticSecret = createSessionToken();
  const sockets = createApiSocketServer(options.api, options.logError);
  let port = options.port;

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch((error: unknown) => {
      // One bounded line: a request crafted to fail must not fill the log with stacks.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[netd] HTTP request failed: ${message.split('\n', 1)[0]!.slice(0, 300)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = securityHeaders(port);
    const url = requestUrl(req.url, port);
    if (!url) {
      res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request target\n');
      return;
    }
    const why = refusal(req, url, port, { token, staticSecret });
    if (why) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(
        `NetDesigner refused this request (${why}).\n` +
          'Open the exact URL printed by `npm run serve`; it includes the session token.\n',
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    // A valid token in the URL sets the cookie, so the page's scripts and styles load without it.
    if (url.searchParams.has('token')) headers['Set-Cookie'] = sessionCookie(port, staticSecret);
    const file = staticPathFor(options.rendererDir, url.pathname);
    if (file && (await sendFile(res, file, headers, req.method))) return;
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A socket error after a refusal must not become an uncaught 'error' event.
    socket.on('error', () => socket.destroy());
    try {
      handleUpgrade(req, socket, head);
    } catch (error: unknown) {
      console.error('[netd] WebSocket upgrade failed:', error);
      refuseUpgrade(socket, '500 Internal Server Error');
    }
  });

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = requestUrl(req.url, port);
    if (!url) return refuseUpgrade(socket, '400 Bad Request');
    // The socket must carry the token itself: a cookie alone would let any page the user opens
    // in this browser talk to the API if the Origin check were ever bypassed.
    const why =
      url.pathname === API_SOCKET_PATH ? refusal(req, url, port, { token }) : 'unknown path';
    if (why) return refuseUpgrade(socket, '403 Forbidden');
    sockets.wss.handleUpgrade(req, socket, head, (ws) => sockets.wss.emit('connection', ws, req));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await sockets.close();
    throw error;
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;

  return {
    port,
    token,
    url: `http://${HOST}:${port}/?token=${token}`,
    server,
    close: async () => {
      await sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Answers a refused upgrade and destroys the socket: `end()` alone leaves the descriptor open for as
 * long as the client keeps its side open.
 */
function refuseUpgrade(socket: Duplex, status: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () =>
    socket.destroy(),
  );
  // A client that never reads must not hold the socket either.
  setTimeout(() => socket.destroy(), 1000).unref();
}
