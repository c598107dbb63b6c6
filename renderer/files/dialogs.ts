/**
 * Where file paths come from. The web host uses the in-app file browser over `api.filesList`; the
 * desktop shell can swap in native dialogs with `setFileDialogs` (e.g. from a preload-provided
 * `window.netdDialogs`) without touching the rest of the renderer.
 */
import { askPath } from '../state/promptStore.ts';

export interface FileDialogs {
  /** A path to open, or null when cancelled. */
  openDialog(): Promise<string | null>;
  /**
   * A path to save to, or null when cancelled. `suggestedName` is a file name, or the full path of
   * the network's current file (Save As), whose folder the dialog then starts in.
   */
  saveDialog(suggestedName: string): Promise<string | null>;
  /** An ONNX model to import, or null when cancelled (the in-app browser when absent). */
  importDialog?(): Promise<string | null>;
  /**
   * Desktop only: a native folder dialog (*Export model*). The desktop host writes only into
   * folders chosen there, so where it exists it is the only way to pick one.
   */
  folderDialog?(title: string): Promise<string | null>;
  /**
   * Desktop only: the native save dialog of *Export*, starting at `suggested` (a name or a full
   * path). The desktop host exports only to paths chosen there.
   */
  exportDialog?(suggested: string): Promise<string | null>;
}

const inAppDialogs: FileDialogs = {
  openDialog: () => askPath({ mode: 'open' }),
  saveDialog: (suggestedName) => askPath({ mode: 'save', suggestedName }),
  importDialog: () => askPath({ mode: 'import' }),
};

interface DialogWindow {
  netdDialogs?: FileDialogs;
}

let current: FileDialogs = (globalThis as DialogWindow).netdDialogs ?? inAppDialogs;

/** Replaces the dialog implementation (desktop host: native dialogs). */
export function setFileDialogs(dialogs: FileDialogs): void {
  current = dialogs;
}

/** The dialog implementation in use. */
export function fileDialogs(): FileDialogs {
  return current;
}

/** Asks for an ONNX model to import (native dialog when the host has one, else the in-app browser). */
export function importDialog(): Promise<string | null> {
  return current.importDialog ? current.importDialog() : askPath({ mode: 'import' });
}
