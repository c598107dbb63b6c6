/**
 * Confirm-on-close with unsaved changes. The renderer reports its dirty state; closing a dirty
 * window asks Save / Don't Save / Cancel. "Save" asks the renderer to save and closes once it
 * reports clean — unless the save dialog was cancelled, or nothing came back in time (the save
 * failed), in which case the window simply stays open.
 */
export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseGuardDeps {
  askToSave(): Promise<CloseChoice>;
  /** Sends `file.save` to the renderer. */
  requestSave(): void;
  /** Closes the window for real (the guard lets this close through). */
  close(): void;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
}

export interface CloseGuard {
  readonly isDirty: boolean;
  setDirty(isDirty: boolean): void;
  /** The user dismissed the save dialog: a pending "save, then close" is abandoned. */
  saveCancelled(): void;
  /** Call from the window's `close` event; returns false when it cancelled the close. */
  onClose(event: { preventDefault(): void }): boolean;
}

/** How long a "save, then close" waits for the renderer to report a successful save. */
export const SAVE_THEN_CLOSE_WINDOW_MS = 5 * 60_000;

/** Creates the guard for one window. */
export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  const now = deps.now ?? Date.now;
  let dirty = false;
  let allowClose = false;
  let asking = false;
  let closeAfterSaveSince: number | null = null;

  const closeNow = (): void => {
    allowClose = true;
    deps.close();
  };

  return {
    get isDirty() {
      return dirty;
    },
    setDirty(isDirty) {
      dirty = isDirty;
      if (isDirty || closeAfterSaveSince === null) return;
      const pendingFor = now() - closeAfterSaveSince;
      closeAfterSaveSince = null;
      if (pendingFor <= SAVE_THEN_CLOSE_WINDOW_MS) closeNow();
    },
    saveCancelled() {
      closeAfterSaveSince = null;
    },
    onClose(event) {
      if (allowClose || !dirty) return true;
      event.preventDefault();
      if (asking) return false;
      asking = true;
      void deps.askToSave().then((choice) => {
        asking = false;
        if (choice === 'discard') closeNow();
        else if (choice === 'save') {
          closeAfterSaveSince = now();
          deps.requestSave();
        }
      });
      return false;
    },
  };
}
