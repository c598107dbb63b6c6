/**
 * The renderer's one handle on the host: `window.netd` under Electron (preload), else the web
 * host's WebSocket. Created lazily on first use so importing this module has no side effects.
 */
import type { ApiMethod, NetdApi } from '../../main/api/contract.ts';
import type { TrainingEvent } from '../../main/training/types.ts';
import { API_METHODS } from './channels.ts';
import { ALWAYS_OPEN, type ConnectionMonitor } from './connection.ts';
import { readSessionToken } from './sessionToken.ts';
import { createWebSocketClient, socketUrl } from './webSocketClient.ts';

export { ApiCallError } from './errors.ts';
export type { ConnectionState, ConnectionStatus, ConnectionMonitor } from './connection.ts';

let host: { api: NetdApi; connection: ConnectionMonitor } | undefined;

function resolveHost(): { api: NetdApi; connection: ConnectionMonitor } {
  if (host) return host;
  if (window.netd) {
    host = { api: window.netd, connection: ALWAYS_OPEN };
  } else {
    const token = readSessionToken(window.location.search, safeSessionStorage());
    const client = createWebSocketClient({
      url: token ? socketUrl(window.location, token) : null,
    });
    host = { api: client.api, connection: client.connection };
  }
  return host;
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const requestMethods = Object.fromEntries(
  API_METHODS.map((method: ApiMethod) => [
    method,
    (payload?: unknown) =>
      (resolveHost().api[method] as (arg?: unknown) => Promise<unknown>)(payload),
  ]),
);

/** The host API. Every call returns a promise; failures reject with an `ApiCallError`. */
export const api: NetdApi = {
  ...requestMethods,
  onTrainingEvent: (listener: (event: TrainingEvent) => void) =>
    resolveHost().api.onTrainingEvent(listener),
} as unknown as NetdApi;

/** The link to the host (always open under Electron). */
export const connection: ConnectionMonitor = {
  getState: () => resolveHost().connection.getState(),
  subscribe: (listener) => resolveHost().connection.subscribe(listener),
};
