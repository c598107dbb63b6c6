/**
 * Crash safety: unsaved work is written to the host's recovery file a moment after each edit, and
 * on start the app offers to restore it. A pending write is flushed at once when the page goes away
 * (reload, tab or window close) or is hidden, so an edit made just before leaving is not lost.
 */
import { api } from '../api/client.ts';
import type { NetworkDoc } from '../../main/network/types.ts';
import { useDocStore } from '../state/docStore.ts';
import { isDirty, useFileStore } from '../state/fileStore.ts';

/** How long after the last edit the recovery file is written (edits in a burst write once). */
export const AUTOSAVE_DELAY_MS = 1200;

/** Where the page-lifecycle events come from (tests pass a fake). */
export interface PageLifecycle {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  /** `document.visibilityState`. */
  isHidden(): boolean;
}

const BROWSER_PAGE: PageLifecycle = {
  addEventListener: (type, listener) =>
    (type === 'pagehide' ? window : document).addEventListener(type, listener),
  removeEventListener: (type, listener) =>
    (type === 'pagehide' ? window : document).removeEventListener(type, listener),
  isHidden: () => document.visibilityState === 'hidden',
};

/** Writes `doc` to the recovery file; failures are ignored (recovery is best effort). */
export type RecoveryWriter = (doc: NetworkDoc, path: string | null) => void;

const writeToHost: RecoveryWriter = (doc, path) => {
  void api.recoveryWrite({ doc, path }).catch(() => undefined);
};

/** Starts autosaving unsaved changes; returns the stop function. */
export function startAutosave(
  page: PageLifecycle = BROWSER_PAGE,
  write: RecoveryWriter = writeToHost,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten: NetworkDoc | null = null;

  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const doc = useDocStore.getState().doc;
    if (doc === lastWritten || !isDirty()) return;
    lastWritten = doc;
    write(doc, useFileStore.getState().path);
  };
  const onHidden = (): void => {
    if (page.isHidden()) flush();
  };

  const unsubscribe = useDocStore.subscribe((state, prev) => {
    if (state.doc === prev.doc) return;
    clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  });
  // `pagehide` fires on reload and on closing the tab or the desktop window; `visibilitychange`
  // covers a tab that is hidden and then discarded by the browser without a `pagehide`.
  page.addEventListener('pagehide', flush);
  page.addEventListener('visibilitychange', onHidden);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    page.removeEventListener('pagehide', flush);
    page.removeEventListener('visibilitychange', onHidden);
  };
}
