import { describe, expect, it, vi } from 'vitest';
import type { Route } from '../diagram/route.ts';
import { RouteStore } from './routeStore.ts';

const route = (x: number): Route => ({
  points: [
    { x, y: 0 },
    { x, y: 100 },
  ],
  label: null,
});

describe('route store', () => {
  it('tells only the wires whose route changed', () => {
    const store = new RouteStore();
    const a = route(0);
    const b = route(10);
    store.set(
      new Map([
        ['a', a],
        ['b', b],
      ]),
    );
    const onA = vi.fn();
    const onB = vi.fn();
    store.subscribe('a', onA);
    const stopB = store.subscribe('b', onB);
    const a2 = route(50);
    store.set(
      new Map([
        ['a', a2],
        ['b', b],
      ]),
    );
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).not.toHaveBeenCalled();
    expect(store.get('a')).toBe(a2);
    stopB();
    store.set(new Map([['a', a2]]));
    expect(onB).not.toHaveBeenCalled();
    expect(store.get('b')).toBeUndefined();
  });
});
