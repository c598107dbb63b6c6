import { describe, expect, it } from 'vitest';
import { setParam } from '../graph/ops.ts';
import { emptyDoc, useDocStore } from '../state/docStore.ts';
import { useFileStore } from '../state/fileStore.ts';
import { installUnloadGuard } from './unloadGuard.ts';

/** A minimal event target standing in for `window`. */
function fakeWindow() {
  const handlers = new Set<(e: Event) => void>();
  return {
    addEventListener: (_type: string, h: (e: Event) => void) => void handlers.add(h),
    removeEventListener: (_type: string, h: (e: Event) => void) => void handlers.delete(h),
    /** Fires beforeunload; true when a handler asked the browser to confirm. */
    unload(): boolean {
      const event = { defaultPrevented: false, returnValue: undefined as unknown } as {
        defaultPrevented: boolean;
        returnValue: unknown;
        preventDefault(): void;
      };
      event.preventDefault = () => {
        event.defaultPrevented = true;
      };
      for (const h of handlers) h(event as unknown as Event);
      return event.defaultPrevented;
    },
  };
}

describe('leaving the page with unsaved changes', () => {
  const doc = {
    ...emptyDoc('Tiny'),
    nodes: [{ id: 'd', type: 'Dense', params: { units: 4 }, position: { x: 0, y: 0 } }],
  };

  it('asks only while there are unsaved changes, and not after removal', () => {
    useDocStore.getState().reset(doc);
    useFileStore.getState().markSaved(null, doc);
    const win = fakeWindow();
    const remove = installUnloadGuard(win as unknown as Window);
    expect(win.unload()).toBe(false);
    useDocStore.getState().edit((d) => setParam(d, 'd', 'units', 8));
    expect(win.unload()).toBe(true);
    remove();
    expect(win.unload()).toBe(false);
  });
});
