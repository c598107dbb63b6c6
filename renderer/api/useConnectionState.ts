import { useSyncExternalStore } from 'react';
import { connection, type ConnectionState } from './client.ts';

/**
 * The current link state to the host; re-renders on change. Show `state.message` in a banner when
 * it is not null ("Disconnected from the NetDesigner server — reconnecting…").
 */
export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.getState, connection.getState);
}
