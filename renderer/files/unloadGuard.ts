/**
 * Web host: the browser asks before a reload or closing the tab throws away unsaved changes. Not
 * installed under Electron, where a `beforeunload` veto would silently block closing the window
 * (the shell asks Save / Don't Save / Cancel itself).
 */
import { isDirty } from '../state/fileStore.ts';

/** Installs the guard on `target`; returns the function that removes it. */
export function installUnloadGuard(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!isDirty()) return;
    event.preventDefault();
    // Older Chromium shows the prompt only when returnValue is set.
    event.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
