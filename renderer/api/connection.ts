/**
 * The state of the link to the host, as a tiny external store the UI can subscribe to (the desktop
 * host is always connected; the web host can drop and reconnect).
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'no-token';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Consecutive failed attempts since the link was last open. */
  attempt: number;
  /** When the next reconnect attempt is due (ms since epoch), while reconnecting. */
  retryAt: number | null;
  /** A sentence for a status banner, or null while connected. */
  message: string | null;
}

export interface ConnectionMonitor {
  getState(): ConnectionState;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A monitor plus the setter the transport uses. */
export function createConnectionStore(initial: ConnectionState): ConnectionMonitor & {
  set(state: ConnectionState): void;
} {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      state = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

export const OPEN_STATE: ConnectionState = {
  status: 'open',
  attempt: 0,
  retryAt: null,
  message: null,
};

/** A monitor that is always connected (the Electron host). */
export const ALWAYS_OPEN: ConnectionMonitor = {
  getState: () => OPEN_STATE,
  subscribe: () => () => undefined,
};
