/**
 * The API over WebSocket. Wire protocol (JSON text frames):
 * client → `{ id, channel, payload }`; server → `{ id, ok: true, result }` or
 * `{ id, ok: false, error: { message, code } }`; pushed events → `{ event: 'training:event', payload }`.
 */
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { TRAINING_EVENT_CHANNEL, type NetdApi } from '../api/contract.ts';
import { dispatchApiCall, type ErrorLogger } from '../api/dispatch.ts';

/** Large enough for ResNet-152 expanded to primitives, small enough to refuse abuse. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;

const requestSchema = z.object({
  // Echoed in the reply: bounded, so a huge id cannot be mirrored back.
  id: z.union([z.number(), z.string().max(200)]),
  channel: z.string().max(200),
  payload: z.unknown().optional(),
});

export interface ApiSocketServer {
  wss: WebSocketServer;
  /** Sends a training event to every connected client. */
  broadcast(message: unknown): void;
  /** Closes every client (1001 going away) and the socket server. */
  close(): Promise<void>;
}

/**
 * A WebSocket server (no own HTTP listener: the caller hands it authenticated upgrades) that
 * answers API calls with `dispatchApiCall` and pushes training events to every client.
 */
export function createApiSocketServer(api: NetdApi, logError?: ErrorLogger): ApiSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const alive = new WeakMap<WebSocket, boolean>();

  wss.on('connection', (socket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
    socket.on('message', (data, isBinary) => {
      void answer(socket, isBinary ? null : data.toString());
    });
    socket.on('error', () => socket.terminate());
  });

  async function answer(socket: WebSocket, text: string | null): Promise<void> {
    let request: z.infer<typeof requestSchema>;
    try {
      request = requestSchema.parse(JSON.parse(text ?? 'null'));
    } catch {
      send(socket, {
        id: null,
        ok: false,
        error: {
          code: 'bad-request',
          message: 'Expected a JSON message { id, channel, payload }.',
        },
      });
      return;
    }
    const result = await dispatchApiCall(api, request.channel, request.payload, logError);
    send(socket, { id: request.id, ...result });
  }

  // Drop connections whose peer vanished without a close frame (laptop lid closed, network gone).
  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.get(socket)) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const unsubscribe = api.onTrainingEvent((payload) =>
    broadcast({ event: TRAINING_EVENT_CHANNEL, payload }),
  );

  function broadcast(message: unknown): void {
    const text = JSON.stringify(message);
    for (const socket of wss.clients) {
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
    }
  }

  return {
    wss,
    broadcast,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        unsubscribe();
        for (const socket of wss.clients) socket.close(1001, 'server shutting down');
        wss.close(() => resolve());
      }),
  };
}

function send(socket: WebSocket, message: { id: unknown; [key: string]: unknown }): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  let text: string;
  try {
    text = JSON.stringify(message);
  } catch (error) {
    // A result that cannot be serialised is a host bug; tell the client rather than hang it.
    console.error('[netd] cannot serialise API reply:', error);
    text = JSON.stringify({
      id: message.id,
      ok: false,
      error: { code: 'internal', message: 'The host produced a reply it cannot send.' },
    });
  }
  socket.send(text);
}
