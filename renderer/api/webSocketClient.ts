/**
 * `NetdApi` over the web host's WebSocket. Requests are `{ id, channel, payload }`, replies
 * `{ id, ok, result | error }`, pushed training events `{ event: 'training:event', payload }`.
 * The socket reconnects with exponential backoff; calls made while it is down wait for the next
 * connection, and calls in flight when it drops reject (they may or may not have run on the host,
 * so they are never silently repeated).
 */
import type { ApiMethod, NetdApi } from '../../main/api/contract.ts';
import type { TrainingEvent } from '../../main/training/types.ts';
import { API_METHODS, channelOf, TRAINING_EVENT } from './channels.ts';
import {
  createConnectionStore,
  type ConnectionMonitor,
  type ConnectionState,
} from './connection.ts';
import { ApiCallError } from './errors.ts';

/** The subset of the browser WebSocket the client uses (a fake one in unit tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface WebSocketClientOptions {
  /** `ws://host:port/api?token=…`, or null when the page has no token (nothing to connect to). */
  url: string | null;
  createSocket?: (url: string) => SocketLike;
  /** Backoff bounds in ms. */
  minDelay?: number;
  maxDelay?: number;
  now?: () => number;
}

export interface WebSocketClient {
  api: NetdApi;
  connection: ConnectionMonitor;
  /** Closes the socket for good and rejects whatever is pending. */
  close(): void;
}

const OPEN = 1;

interface Pending {
  channel: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Creates the API client and starts connecting. */
export function createWebSocketClient(options: WebSocketClientOptions): WebSocketClient {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as SocketLike);
  const minDelay = options.minDelay ?? 250;
  const maxDelay = options.maxDelay ?? 10_000;
  const now = options.now ?? (() => Date.now());

  const connection = createConnectionStore(
    options.url
      ? { status: 'connecting', attempt: 0, retryAt: null, message: 'Connecting to NetDesigner…' }
      : {
          status: 'no-token',
          attempt: 0,
          retryAt: null,
          message:
            'This page has no session token. Open the exact URL printed by `npm run serve` (it ends in ?token=…).',
        },
  );
  const pending = new Map<number, Pending>();
  /** Requests made while disconnected, sent on the next open. */
  const outbox: { id: number; text: string }[] = [];
  const listeners = new Set<(event: TrainingEvent) => void>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let closed = false;

  function setState(state: Omit<ConnectionState, 'attempt'>): void {
    connection.set({ ...state, attempt });
  }

  function connect(): void {
    if (closed || !options.url) return;
    const ws = createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState({ status: 'open', retryAt: null, message: null });
      for (const { id, text } of outbox.splice(0)) {
        if (pending.has(id)) ws.send(text);
      }
    };
    ws.onmessage = (ev) => receive(ev.data);
    ws.onerror = () => undefined; // onclose follows and handles it
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failInFlight();
      if (!closed) scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    const delay = Math.min(maxDelay, minDelay * 2 ** attempt);
    attempt += 1;
    setState({
      status: 'reconnecting',
      retryAt: now() + delay,
      // After a few failures the likeliest cause is a restarted server with a new token.
      message:
        attempt > 3
          ? 'Disconnected from the NetDesigner server — reconnecting… If it was restarted, open the new URL it printed.'
          : 'Disconnected from the NetDesigner server — reconnecting…',
    });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, delay);
  }

  /** Rejects requests already sent on the dropped socket; queued ones stay for the next one. */
  function failInFlight(): void {
    const queued = new Set(outbox.map((m) => m.id));
    for (const [id, call] of pending) {
      if (queued.has(id)) continue;
      pending.delete(id);
      call.reject(
        new ApiCallError(
          `Lost the connection to the NetDesigner server during ${call.channel}; try again.`,
          'disconnected',
          call.channel,
        ),
      );
    }
  }

  function receive(data: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (!message || typeof message !== 'object') return;
    const m = message as Record<string, unknown>;
    if (m.event === TRAINING_EVENT) {
      for (const listener of [...listeners]) listener(m.payload as TrainingEvent);
      return;
    }
    if (typeof m.id !== 'number') return;
    const call = pending.get(m.id);
    if (!call) return;
    pending.delete(m.id);
    if (m.ok === true) {
      call.resolve(m.result ?? undefined);
    } else {
      const error = (m.error ?? {}) as { message?: unknown; code?: unknown };
      call.reject(
        new ApiCallError(
          typeof error.message === 'string' ? error.message : `${call.channel} failed.`,
          typeof error.code === 'string' ? error.code : 'internal',
          call.channel,
        ),
      );
    }
  }

  function request(method: ApiMethod, payload: unknown): Promise<unknown> {
    const channel = channelOf(method);
    if (closed || !options.url) {
      const message = connection.getState().message ?? 'The connection to the server is closed.';
      return Promise.reject(new ApiCallError(message, 'disconnected', channel));
    }
    const id = nextId++;
    const text = JSON.stringify({ id, channel, payload });
    return new Promise((resolve, reject) => {
      pending.set(id, { channel, resolve, reject });
      if (socket?.readyState === OPEN) socket.send(text);
      else outbox.push({ id, text });
    });
  }

  const methods = Object.fromEntries(
    API_METHODS.map((method) => [method, (payload?: unknown) => request(method, payload)]),
  );
  const api = {
    ...methods,
    onTrainingEvent(listener: (event: TrainingEvent) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  } as unknown as NetdApi;

  connect();

  return {
    api,
    connection,
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const ws = socket;
      socket = null;
      ws?.close(1000, 'client closed');
      outbox.length = 0;
      failInFlight();
    },
  };
}

/** The API socket URL for a page at `location` with `token` (`ws:` or `wss:` to match). */
export function socketUrl(location: { protocol: string; host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api?token=${encodeURIComponent(token)}`;
}
