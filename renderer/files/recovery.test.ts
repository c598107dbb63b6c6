import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inputConv } from '../../main/network/testDocs.ts';
import type { NetworkDoc } from '../../main/network/types.ts';
import { setParam } from '../graph/ops.ts';
import { useDocStore } from '../state/docStore.ts';
import { useFileStore } from '../state/fileStore.ts';
import { AUTOSAVE_DELAY_MS, startAutosave, type PageLifecycle } from './recovery.ts';

const START = inputConv('Tiny');

/** A page whose lifecycle events the test fires by hand. */
function fakePage(): PageLifecycle & {
  fire(type: 'pagehide' | 'visibilitychange'): void;
  hidden: boolean;
} {
  const listeners = new Map<string, Set<() => void>>();
  const page = {
    hidden: false,
    addEventListener: (type: string, listener: () => void) => {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(listener));
    },
    removeEventListener: (type: string, listener: () => void) => {
      listeners.get(type)?.delete(listener);
    },
    isHidden: () => page.hidden,
    fire: (type: string) => listeners.get(type)?.forEach((listener) => listener()),
  };
  return page;
}

const filtersOf = (doc: NetworkDoc) => doc.nodes[1]?.params['filters'];

describe('recovery autosave', () => {
  let stop: () => void = () => undefined;
  const written: NetworkDoc[] = [];
  let page = fakePage();

  beforeEach(() => {
    vi.useFakeTimers();
    written.length = 0;
    page = fakePage();
    useDocStore.getState().reset(START);
    useFileStore.getState().markSaved(null, useDocStore.getState().doc);
    stop = startAutosave(page, (doc) => written.push(doc));
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const edit = (filters: number) =>
    useDocStore.getState().edit((d) => setParam(d, 'conv1', 'filters', filters));

  it('writes the latest doc once, a moment after a burst of edits', () => {
    edit(8);
    edit(16);
    expect(written).toHaveLength(0);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(written.map(filtersOf)).toEqual([16]);
  });

  it('writes a pending edit at once when the page goes away (reload, close)', () => {
    edit(32);
    page.fire('pagehide');
    expect(written.map(filtersOf)).toEqual([32]);
    // The timer that was pending does not write the same doc again.
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(written).toHaveLength(1);
  });

  it('writes a pending edit when the page is hidden, not when it becomes visible', () => {
    edit(64);
    page.fire('visibilitychange');
    expect(written).toHaveLength(0);
    page.hidden = true;
    page.fire('visibilitychange');
    expect(written.map(filtersOf)).toEqual([64]);
  });

  it('writes nothing when the work is saved', () => {
    edit(8);
    useFileStore.getState().markSaved('/tmp/tiny.netd.json', useDocStore.getState().doc);
    page.fire('pagehide');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(written).toHaveLength(0);
  });

  it('stops listening when stopped', () => {
    stop();
    edit(8);
    page.fire('pagehide');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(written).toHaveLength(0);
  });
});
