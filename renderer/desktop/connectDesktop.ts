/**
 * Wires the designer to the desktop shell (`window.netdDesktop`): menu commands run the toolbar's
 * actions, open/save use the native dialogs, and the shell learns the title and the dirty state
 * (for its confirm-on-close and the macOS unsaved dot) whenever they change.
 */
import { windowTitle } from '../app/windowTitle.ts';
import { setFileDialogs } from '../files/dialogs.ts';
import { useDocStore } from '../state/docStore.ts';
import { isDirty, useFileStore } from '../state/fileStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import type { MenuCommand, NetdDesktop } from './desktopTypes.ts';
import { runMenuCommand, type MenuActions } from './menuCommands.ts';
import { errorMessage } from '../api/errors.ts';

function reportFailure(command: MenuCommand, err: unknown): void {
  const message = errorMessage(err);
  useUiStore.getState().notify(`${command.command} failed: ${message}`, 'error');
}

/**
 * Connects the designer to the shell; returns the function that disconnects it. Actions that
 * throw or reject become an error notification, never an unhandled rejection.
 */
export function connectDesktop(desktop: NetdDesktop, actions: MenuActions): () => void {
  // The desktop host writes only where its native dialogs answered: Export and Export model
  // pick their destination there too.
  const { showFolderDialog, showExportDialog, showImportDialog } = desktop;
  setFileDialogs({
    openDialog: () => desktop.showOpenDialog(),
    saveDialog: (suggestedName) => desktop.showSaveDialog({ suggestedName }),
    ...(showFolderDialog && { folderDialog: (title: string) => showFolderDialog({ title }) }),
    ...(showExportDialog && { exportDialog: (suggested: string) => showExportDialog(suggested) }),
    ...(showImportDialog && { importDialog: () => showImportDialog() }),
  });

  const unsubscribeMenu = desktop.onMenuCommand((command) => {
    try {
      const result = runMenuCommand(command, actions);
      if (result instanceof Promise) result.catch((err: unknown) => reportFailure(command, err));
    } catch (err) {
      reportFailure(command, err);
    }
  });

  // Report only changes: the shell closes a window that asked to "save, then close" as soon as
  // it hears "clean", so a repeated report must not be sent for nothing.
  let lastDirty: boolean | null = null;
  let lastTitle: string | null = null;
  const sync = (): void => {
    const dirty = isDirty();
    const title = windowTitle(useDocStore.getState().doc.name, dirty);
    if (dirty !== lastDirty) {
      lastDirty = dirty;
      desktop.setDirty(dirty);
    }
    if (title !== lastTitle) {
      lastTitle = title;
      desktop.setTitle(title);
    }
  };
  // Opening a file updates two stores one after the other; reporting once they have both
  // settled keeps a passing "dirty" blip (and a flickering title) from reaching the shell.
  let queued = false;
  let connected = true;
  const schedule = (): void => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (connected) sync();
    });
  };
  const unsubscribeDoc = useDocStore.subscribe(schedule);
  const unsubscribeFile = useFileStore.subscribe(schedule);
  sync();

  return () => {
    connected = false;
    unsubscribeMenu();
    unsubscribeDoc();
    unsubscribeFile();
  };
}
