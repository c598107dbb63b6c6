/**
 * Fuzz: the web host. Malformed HTTP request lines and headers over raw TCP, and WebSocket frames
 * with broken JSON, unknown channels and every real channel with hostile payloads (reserved ids,
 * huge strings, deep nesting, wrong types, hostile documents). Every HTTP answer is a status line;
 * every frame gets a well-formed, bounded reply; the host still answers afterwards and its memory
 * stays bounded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { API_CHANNELS } from '../api/contract.ts';
import { createApi } from '../api/createApi.ts';
import { serializeNetwork } from '../files/index.ts';
import { startWebServer, type RunningWebServer } from '../server/httpServer.ts';
import { buildTemplate } from '../templates/index.ts';
import { HOSTILE_STRINGS, fuzzer, hostileValue, mutateBytes } from './random.ts';

/** Inputs per run, per kind (README "Security"). */
export const HOST_CASES = { httpRequests: 300, frames: 300 };

let dir: string;
let server: RunningWebServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netd-ws-fuzz-'));
  const api = createApi({ host: 'web', homeDir: dir, dataDir: join(dir, 'data') });
  server = await startWebServer({ api, rendererDir: dir, port: 0, logError: () => undefined });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Sends raw bytes; resolves with what came back (reading stops shortly after the answer). */
function raw(bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = createConnection({ host: '127.0.0.1', port: server.port }, () =>
      socket.write(bytes),
    );
    const done = () => socket.destroy();
    let timer = setTimeout(done, 150);
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      clearTimeout(timer);
      timer = setTimeout(done, 50);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', () => undefined);
  });
}

function open(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('fuzz: web host', () => {
  it(`answers ${HOST_CASES.httpRequests} malformed HTTP requests with a status line, or closes`, async () => {
    const f = fuzzer(0x4774);
    const host = `127.0.0.1:${server.port}`;
    const base = Buffer.from(
      `GET /?token=${server.token} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    );
    for (let i = 0; i < HOST_CASES.httpRequests; i++) {
      const target = f.pick([
        'http://[',
        '//[',
        '/%zz',
        '/\u00ff',
        '*',
        `/api?token=${f.pick(HOSTILE_STRINGS)}`,
        '/'.repeat(f.int(9000)),
      ]);
      const bytes =
        i % 2 === 0
          ? mutateBytes(f, base)
          : Buffer.from(
              `${f.pick(['GET', 'POST', 'X', ''])} ${target} HTTP/1.1\r\nHost: ${f.chance(0.7) ? host : f.pick(HOSTILE_STRINGS)}\r\n${f.chance(0.5) ? 'Upgrade: websocket\r\nConnection: Upgrade\r\n' : ''}\r\n`,
              'latin1',
            );
      const answer = await raw(bytes);
      // An answer, if any, is a status line; never a crash (the next request still gets one).
      if (answer) expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /);
    }
    expect(
      await raw(
        Buffer.from(
          `GET /?token=${server.token} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
        ),
      ),
    ).toMatch(/^HTTP\/1\.1 (200|404) /);
  });

  it(`answers ${HOST_CASES.frames} hostile frames with a bounded, well-formed reply each`, async () => {
    const f = fuzzer(0xf4a3e);
    const ws = await open();
    const channels = Object.values(API_CHANNELS) as string[];
    const doc = JSON.parse(serializeNetwork(buildTemplate('lenet5').doc)) as Record<
      string,
      unknown
    >;
    const replies: unknown[] = [];
    const waiting = new Map<number, () => void>();
    ws.on('message', (data) => {
      const reply = JSON.parse(data.toString()) as { id?: unknown };
      replies.push(reply);
      if (typeof reply.id === 'number') waiting.get(reply.id)?.();
    });
    const before = process.memoryUsage().rss;
    let answered = 0;
    for (let i = 0; i < HOST_CASES.frames; i++) {
      const channel = f.chance(0.9) ? f.pick(channels) : f.pick(HOSTILE_STRINGS);
      // Only side-effect-free or sandboxed calls (the host's home is a temp folder).
      const hostileDoc = {
        ...doc,
        nodes: (doc['nodes'] as object[]).map((n, k) =>
          k === 1 ? { ...n, id: f.pick(HOSTILE_STRINGS), params: { filters: hostileValue(f) } } : n,
        ),
      };
      const payload = f.pick([
        undefined,
        hostileValue(f),
        { doc: hostileDoc },
        { doc: hostileValue(f) },
        { path: f.pick(HOSTILE_STRINGS) + 'x'.repeat(f.int(10_000)) },
        { spec: f.pick(HOSTILE_STRINGS) },
        { runId: f.pick(HOSTILE_STRINGS) },
        { doc: hostileDoc, nodeId: f.pick(HOSTILE_STRINGS) },
        { doc: hostileDoc, path: null },
      ]);
      const frame =
        i % 10 === 0
          ? mutateBytes(f, Buffer.from(JSON.stringify({ id: i, channel, payload }))).toString(
              'latin1',
            )
          : JSON.stringify({ id: i, channel, payload });
      const replied = new Promise<void>((resolve) => waiting.set(i, resolve));
      ws.send(frame);
      // Frames that lose their id get an id-null reply; give them a moment instead of waiting.
      await Promise.race([replied, new Promise((r) => setTimeout(r, i % 10 === 0 ? 50 : 5000))]);
      waiting.delete(i);
    }
    await new Promise((r) => setTimeout(r, 200));
    for (const reply of replies as {
      ok?: unknown;
      error?: { message?: unknown; code?: unknown };
    }[]) {
      answered++;
      expect(typeof reply.ok).toBe('boolean');
      if (reply.ok === false) {
        expect(typeof reply.error?.code).toBe('string');
        expect(String(reply.error?.message).length).toBeLessThan(2100);
        expect(String(reply.error?.message)).not.toMatch(/\n\s+at /);
      }
    }
    expect(answered).toBeGreaterThan(HOST_CASES.frames * 0.9);
    // Still answering, and memory did not run away.
    const ok = new Promise<unknown>((resolve) =>
      ws.once('message', (d) => resolve(JSON.parse(d.toString()))),
    );
    ws.send(JSON.stringify({ id: 'last', channel: API_CHANNELS.hostInfo }));
    expect(await ok).toMatchObject({ id: 'last', ok: true });
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 ** 3);
    ws.close();
  });
});
