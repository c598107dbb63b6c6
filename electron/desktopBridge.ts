/**
 * The small desktop-only bridge (`window.netdDesktop`) next to `window.netd`: native dialogs, menu
 * commands and window state. Only present in the Electron host — the renderer must treat it as
 * optional (`window.netdDesktop?.…`). No Electron import, so the renderer can `import type` it.
 */
import type { MenuCommand } from './menuCommands.ts';

export interface SaveDialogOptions {
  /** File name (or path) offered in the dialog, e.g. `"ResNet-50.netd.json"`. */
  suggestedName?: string;
}

export interface NetdDesktop {
  /** Receives menu / OS commands; returns an unsubscribe function. Commands that arrive before
   *  the first listener (a file passed on the command line) are kept and delivered to it. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Native open dialog for `*.netd.json`; resolves to the chosen absolute path or `null`. */
  showOpenDialog(): Promise<string | null>;
  /** Native save dialog for `*.netd.json`; resolves to the chosen path (always ending in
   *  `.netd.json`) or `null` when cancelled. */
  showSaveDialog(options?: SaveDialogOptions): Promise<string | null>;
  /** Native folder dialog (*Export model*); resolves to the chosen folder or `null`. The host
   *  writes only into folders chosen here (optional: without it, the host refuses the export). */
  showFolderDialog?(options?: { title?: string }): Promise<string | null>;
  /** Native save dialog of *Export*, starting at `suggested` (a name or a full path); resolves to
   *  the chosen path or `null`. The host exports only to paths chosen here (optional, as above). */
  showExportDialog?(suggested: string): Promise<string | null>;
  /** Native open dialog of *Import…* (ONNX or model.json); the host imports only files chosen
   *  here (it writes the design beside them). Optional, as above. */
  showImportDialog?(): Promise<string | null>;
  /** Tells the shell whether there are unsaved changes (confirm-on-close, macOS dot). */
  setDirty(isDirty: boolean): void;
  /** Sets the window title (e.g. `"ResNet-50 • — NetDesigner"`). */
  setTitle(title: string): void;
}

/** `window.netdDialogs`: the native dialogs in the shape `renderer/files/dialogs.ts` expects. */
export interface NetdDialogs {
  openDialog(): Promise<string | null>;
  saveDialog(suggestedName: string): Promise<string | null>;
  folderDialog(title: string): Promise<string | null>;
  exportDialog(suggested: string): Promise<string | null>;
  importDialog(): Promise<string | null>;
}

/** IPC channel names of the desktop bridge (`domain:verb`, like `API_CHANNELS`). */
export const DESKTOP_CHANNELS = {
  menuCommand: 'menu:command',
  showOpenDialog: 'dialog:open',
  showSaveDialog: 'dialog:save',
  showFolderDialog: 'dialog:folder',
  showExportDialog: 'dialog:export',
  showImportDialog: 'dialog:import',
  setDirty: 'window:setDirty',
  setTitle: 'window:setTitle',
} as const;

/** The file extension of network files, with its leading dot. */
export const NETWORK_FILE_EXTENSION = '.netd.json';
