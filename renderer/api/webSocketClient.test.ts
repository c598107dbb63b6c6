import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS } from '../../main/api/contract.ts';
import type { ApiMethod, NetdApi } from '../../main/api/contract.ts';
import type { TrainingEvent } from '../../main/training/types.ts';
import { API_METHODS, channelOf } from './channels.ts';
import { ApiCallError } from './errors.ts';
import { readSessionToken } from './sessionToken.ts';
import { createWebSocketClient, socketUrl, type SocketLike } from './webSocketClient.ts';

/** A scriptable stand-in for the browser WebSocket. */
class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: { id: number; channel: string; payload: unknown }[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  reply(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const latest = () => FakeSocket.all[FakeSocket.all.length - 1]!;

function client() {
  return createWebSocketClient({
    url: 'ws://127.0.0.1:5179/api?token=t',
    createSocket: (url) => new FakeSocket(url),
  });
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('channel names', () => {
  it('match the contract for every method, and the list is complete', () => {
    expect([...API_METHODS].sort()).toEqual(Object.keys(API_CHANNELS).sort());
    for (const method of API_METHODS) {
      expect(channelOf(method)).toBe(API_CHANNELS[method as ApiMethod]);
    }
  });
});

describe('WebSocket API client', () => {
  it('sends { id, channel, payload } and resolves with the result', async () => {
    const { api } = client();
    const call = api.filesOpen({ path: 'a.netd.json' });
    latest().open(); // queued before open, sent on open
    const sent = latest().sent[0]!;
    expect(sent).toMatchObject({ channel: 'files:open', payload: { path: 'a.netd.json' } });
    latest().reply({ id: sent.id, ok: true, result: { path: '/a.netd.json', doc: null } });
    await expect(call).resolves.toEqual({ path: '/a.netd.json', doc: null });
  });

  it("rejects with the host's message and code", async () => {
    const { api } = client();
    latest().open();
    const call = api.templatesLoad({ id: 'nope' });
    const { id } = latest().sent[0]!;
    latest().reply({
      id,
      ok: false,
      error: { message: "Unknown template 'nope'.", code: 'not-found' },
    });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({
      message: "Unknown template 'nope'.",
      code: 'not-found',
      channel: 'templates:load',
    });
  });

  it('reports the drop, rejects calls in flight, reconnects with backoff and sends queued calls', async () => {
    const { api, connection } = client();
    latest().open();
    expect(connection.getState().status).toBe('open');
    const inFlight = api.runsList();
    latest().drop();
    await expect(inFlight).rejects.toThrow(/Lost the connection/);
    expect(connection.getState()).toMatchObject({ status: 'reconnecting', attempt: 1 });
    expect(connection.getState().message).toMatch(/reconnecting/);

    const queued = api.hostInfo();
    vi.advanceTimersByTime(250);
    expect(FakeSocket.all).toHaveLength(2);
    latest().drop(); // the server is still down: the next wait is longer
    expect(connection.getState().attempt).toBe(2);
    vi.advanceTimersByTime(499);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    latest().open();
    expect(connection.getState()).toMatchObject({ status: 'open', attempt: 0, message: null });
    const { id, channel } = latest().sent[0]!;
    expect(channel).toBe('host:info');
    latest().reply({ id, ok: true, result: { kind: 'web' } });
    await expect(queued).resolves.toEqual({ kind: 'web' });
  });

  it('delivers pushed training events until unsubscribed', () => {
    const { api } = client();
    latest().open();
    const seen: TrainingEvent[] = [];
    const off = api.onTrainingEvent((e) => seen.push(e));
    const event = { event: 'failed', runId: 'r1', message: 'boom' } as const;
    latest().reply({ event: 'training:event', payload: event });
    off();
    latest().reply({ event: 'training:event', payload: event });
    expect(seen).toEqual([event]);
  });

  it('without a token it does not connect and says how to get one', async () => {
    const c = createWebSocketClient({ url: null, createSocket: (u) => new FakeSocket(u) });
    expect(FakeSocket.all).toHaveLength(0);
    expect(c.connection.getState().status).toBe('no-token');
    await expect((c.api as NetdApi).hostInfo()).rejects.toThrow(/npm run serve/);
  });
});

describe('session token and socket URL', () => {
  it('takes the token from the URL, remembers it, and falls back to the remembered one', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(readSessionToken('?token=abc', storage)).toBe('abc');
    expect(readSessionToken('', storage)).toBe('abc');
    expect(readSessionToken('', null)).toBeNull();
  });

  it('builds ws: or wss: to match the page', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:5179' }, 'a+b')).toBe(
      'ws://127.0.0.1:5179/api?token=a%2Bb',
    );
    expect(socketUrl({ protocol: 'https:', host: 'x' }, 't')).toBe('wss://x/api?token=t');
  });
});
