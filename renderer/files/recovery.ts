/**
 * Crash safety: unsaved work is written to the host's recovery file a moment after each edit, and
 * on start the app offers to restore it.
 */
import { api } from '../api/client.ts';
import { useDocStore } from '../state/docStore.ts';
import { isDirty, useFileStore } from '../state/fileStore.ts';

const AUTOSAVE_DELAY_MS = 1200;

/** Starts autosaving unsaved changes; returns the stop function. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useDocStore.subscribe((state, prev) => {
    if (state.doc === prev.doc) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!isDirty()) return;
      const doc = useDocStore.getState().doc;
      void api.recoveryWrite({ doc, path: useFileStore.getState().path }).catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
