import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TrainingEvent } from '../training/types.ts';
import { recordingApi } from '../api/testSupport.ts';
import { parseServeArgs } from './args.ts';
import { startWebServer, type RunningWebServer } from './httpServer.ts';
import { staticPathFor } from './staticFiles.ts';

let dir: string;
let server: RunningWebServer;
let emit: (event: TrainingEvent) => void = () => undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netd-server-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>NetDesigner</title>');
  await writeFile(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
  // A file next to the renderer folder that must stay unreachable.
  await writeFile(join(dir, '..', `${basename(dir)}-secret.txt`), 'secret');
  const { api } = recordingApi();
  api.onTrainingEvent = (listener) => {
    emit = listener;
    return () => undefined;
  };
  server = await startWebServer({ api, rendererDir: dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await rm(join(dir, '..', `${basename(dir)}-secret.txt`), { force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, headers: { Host: host(), ...headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
const host = () => `127.0.0.1:${server.port}`;

/** The `name=value` of the static-file cookie the page sets. */
async function staticCookie(): Promise<string> {
  const page = await get(`/?token=${server.token}`);
  return String(page.headers['set-cookie']).split(';')[0] ?? '';
}

/** Sends raw bytes and resolves with whatever the server answers before it closes the socket. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: server.port }, () =>
      socket.write(bytes),
    );
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

/** Opens a socket; resolves with it once open, rejects with ws's error (e.g. "… 403"). */
function connect(query: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) =>
    ws.once('message', (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>)),
  );
}

describe('web host: HTTP', () => {
  it('prints a URL on 127.0.0.1 with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses the page without the token, and with a wrong one', async () => {
    const none = await get('/');
    expect(none.status).toBe(403);
    expect(none.body).toContain('session token');
    expect((await get('/?token=nope')).status).toBe(403);
    expect((await get('/assets/app-1234.js')).status).toBe(403);
  });

  it('serves the page with the token, sets an HttpOnly SameSite=Strict cookie and a strict CSP', async () => {
    const page = await get(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>NetDesigner</title>');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^netd_static_${server.port}=[A-Za-z0-9_-]{32};`));
    // Cookies are not port-scoped: the cookie must never carry the API token.
    expect(cookie).not.toContain(server.token);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with the cookie alone', async () => {
    const asset = await get('/assets/app-1234.js', { Cookie: await staticCookie() });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.body).toBe('console.log(1)');
  });

  it('refuses a foreign Host header (DNS rebinding) or Origin even with the token', async () => {
    expect(
      (await get(`/?token=${server.token}`, { Host: `evil.example:${server.port}` })).status,
    ).toBe(403);
    expect((await get(`/?token=${server.token}`, { Origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect(
      (await get(`/?token=${server.token}`, { Host: `localhost:${server.port}` })).status,
    ).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const cookie = { Cookie: await staticCookie() };
    expect((await get(`/%2e%2e/${basename(dir)}-secret.txt`, cookie)).status).toBe(404);
    expect((await get('/assets/missing.js', cookie)).status).toBe(404);
    expect(staticPathFor('/srv/app', '/../../etc/passwd.txt')).toBeNull();
    expect(staticPathFor('/srv/app', '/%2e%2e/x.js')).toBeNull();
    expect(staticPathFor('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(staticPathFor('/srv/app', '/designer')).toBe('/srv/app/index.html');
  });
});

describe('web host: malformed requests', () => {
  const targets = [
    'http://[',
    'http://[::1',
    '//[',
    'http://%zz/',
    'http://a b/',
    '\u00ff',
    'http://[/api',
  ];
  it.each(targets)(
    'answers an unparsable target %j with a 4xx and keeps serving',
    async (target) => {
      for (const upgrade of [true, false]) {
        const head = upgrade
          ? 'Upgrade: websocket\r\nConnection: Upgrade\r\n'
          : 'Connection: close\r\n';
        const answer = await raw(`GET ${target} HTTP/1.1\r\nHost: ${host()}\r\n${head}\r\n`);
        expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
      }
      expect((await get(`/?token=${server.token}`)).status).toBe(200);
    },
  );

  it('destroys a refused upgrade even when the client keeps its side open', async () => {
    const answer = await raw(
      `GET /api HTTP/1.1\r\nHost: ${host()}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    );
    // `raw` resolves only on 'close': the server hung up although the client never ended.
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
  });
});

describe('web host: WebSocket API', () => {
  it('refuses a socket with the static-file cookie alone', async () => {
    const cookie = await staticCookie();
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api`, {
          headers: { Cookie: cookie },
        });
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      }),
    ).rejects.toThrow(/403/);
  });

  it('refuses a socket without the token, with a wrong one, or from another origin', async () => {
    await expect(connect('')).rejects.toThrow(/403/);
    await expect(connect('?token=wrong')).rejects.toThrow(/403/);
    await expect(connect(`?token=${server.token}`, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('answers { id, channel, payload } with { id, ok, result }', async () => {
    const ws = await connect(`?token=${server.token}`, `http://${host()}`);
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 7, channel: 'runs:get', payload: { runId: 'r1' } }));
    expect(await reply).toEqual({
      id: 7,
      ok: true,
      result: { method: 'runsGet', arg: { runId: 'r1' } },
    });
    ws.close();
  });

  it('answers bad requests with a clear error, keeping the id', async () => {
    const ws = await connect(`?token=${server.token}`);
    let reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 1, channel: 'files:open', payload: { path: 3 } }));
    expect(await reply).toEqual({
      id: 1,
      ok: false,
      error: {
        code: 'bad-request',
        message: 'Invalid files:open request: path: expected string, received number',
      },
    });
    reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 2, channel: 'nope:nope' }));
    expect(await reply).toMatchObject({ id: 2, ok: false, error: { code: 'unknown-channel' } });
    reply = nextMessage(ws);
    ws.send('not json');
    expect(await reply).toMatchObject({ id: null, ok: false, error: { code: 'bad-request' } });
    ws.close();
  });

  it('pushes training events to every connected client', async () => {
    const a = await connect(`?token=${server.token}`);
    const b = await connect(`?token=${server.token}`);
    const event: TrainingEvent = { event: 'failed', runId: 'r1', message: 'out of memory' };
    const got = Promise.all([nextMessage(a), nextMessage(b)]);
    emit(event);
    expect(await got).toEqual([
      { event: 'training:event', payload: event },
      { event: 'training:event', payload: event },
    ]);
    a.close();
    b.close();
  });
});

describe('serve flags', () => {
  it('parses port, open, home and data', () => {
    expect(parseServeArgs([])).toEqual({
      port: null,
      open: false,
      homeDir: null,
      dataDir: null,
      help: false,
    });
    expect(parseServeArgs(['--port', '0', '--open', '--home', '/w', '--data', '/d'])).toEqual({
      port: 0,
      open: true,
      homeDir: '/w',
      dataDir: '/d',
      help: false,
    });
    expect(parseServeArgs(['--port', '8080', '--no-open']).open).toBe(false);
  });

  it('names the bad flag', () => {
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(/^--port abc: expected a number$/);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port 70000: expected 0–65535/);
    expect(() => parseServeArgs(['--prot', '1'])).toThrow(/--prot/);
  });
});
