/**
 * The routes of the canvas's wires, by edge id, kept outside React Flow's edge array. A drag moves
 * cards and re-routes the wires near them every frame; if routes lived in the edges, every frame
 * would hand React Flow a new edge array (its connection lookups rebuilt over all edges, every
 * edge and node wrapper's store selector run again). Here the edge array stays the same object
 * through a drag and only the wires whose route changed re-render.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Route } from '../diagram/route.ts';

/** Routes by edge id with per-id subscriptions. */
export class RouteStore {
  private routes: ReadonlyMap<string, Route> = new Map();
  private listeners = new Map<string, Set<() => void>>();

  /** The current route of edge `id` (undefined before the first `set` that has it). */
  get(id: string): Route | undefined {
    return this.routes.get(id);
  }

  /** Replaces every route; only the subscribers of routes that changed identity are told. */
  set(next: ReadonlyMap<string, Route>): void {
    const prev = this.routes;
    this.routes = next;
    for (const [id, ls] of this.listeners)
      if (prev.get(id) !== next.get(id)) for (const l of [...ls]) l();
  }

  /** Calls `listener` whenever edge `id`'s route changes; returns the unsubscribe function. */
  subscribe(id: string, listener: () => void): () => void {
    let ls = this.listeners.get(id);
    if (!ls) this.listeners.set(id, (ls = new Set()));
    ls.add(listener);
    return () => {
      ls.delete(listener);
      if (ls.size === 0) this.listeners.delete(id);
    };
  }
}

/** The canvas's route store (each canvas provides its own). */
export const RouteStoreContext = createContext<RouteStore>(new RouteStore());

/** The route of edge `id`; re-renders the caller only when that route changes. */
export function useRoute(id: string): Route | undefined {
  const store = useContext(RouteStoreContext);
  const subscribe = useCallback((l: () => void) => store.subscribe(id, l), [store, id]);
  const get = useCallback(() => store.get(id), [store, id]);
  return useSyncExternalStore(subscribe, get);
}
