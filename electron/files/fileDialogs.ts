/**
 * Native dialogs: open / save a network file, where to export, and the unsaved-changes question.
 * Always modal to the main window; the save dialog's answer always ends in `.netd.json`.
 */
import { dialog } from 'electron';
import type { BrowserWindow, FileFilter } from 'electron';
import { extname, isAbsolute, join } from 'node:path';
import type { CloseChoice } from '../window/closeGuard.ts';
import { withNetworkFileExtension } from './launchArgs.ts';

export const NETWORK_FILE_FILTERS: FileFilter[] = [
  { name: 'NetDesigner network', extensions: ['netd.json'] },
  { name: 'JSON', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Shows the Open dialog; resolves to the chosen path or `null`. */
export async function showOpenNetworkDialog(
  win: BrowserWindow,
  defaultDir: string,
): Promise<string | null> {
  const result = await dialog.showOpenDialog(win, {
    title: 'Open Network',
    defaultPath: defaultDir,
    filters: NETWORK_FILE_FILTERS,
    properties: ['openFile'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Shows the Save dialog; resolves to the chosen path (with `.netd.json`) or `null`. */
export async function showSaveNetworkDialog(
  win: BrowserWindow,
  defaultDir: string,
  suggestedName: string | undefined,
): Promise<string | null> {
  const name = withNetworkFileExtension(suggestedName?.trim() || 'Untitled');
  const result = await dialog.showSaveDialog(win, {
    title: 'Save Network',
    defaultPath: isAbsolute(name) ? name : join(defaultDir, name),
    filters: NETWORK_FILE_FILTERS.slice(0, 1),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return null;
  return withNetworkFileExtension(result.filePath);
}

/** Shows a folder dialog (*Export model*); resolves to the chosen folder or `null`. */
export async function showFolderDialog(
  win: BrowserWindow,
  defaultDir: string,
  title: string | undefined,
): Promise<string | null> {
  const result = await dialog.showOpenDialog(win, {
    title: title || 'Choose a folder',
    defaultPath: defaultDir,
    buttonLabel: 'Choose',
    properties: ['openDirectory', 'createDirectory'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/**
 * Shows the Save dialog of *Export* for `suggested` (a file name, or a full path whose folder the
 * dialog starts in), filtered to its extension; resolves to the chosen path or `null`.
 */
export async function showExportSaveDialog(
  win: BrowserWindow,
  defaultDir: string,
  suggested: string,
): Promise<string | null> {
  const ext = extname(suggested).slice(1).toLowerCase();
  const result = await dialog.showSaveDialog(win, {
    title: 'Export',
    defaultPath: isAbsolute(suggested) ? suggested : join(defaultDir, suggested || 'model'),
    filters: [
      ...(ext ? [{ name: `.${ext} file`, extensions: [ext] }] : []),
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Shows the Open dialog of *Import…* (an ONNX model or a TensorFlow.js model.json). */
export async function showImportModelDialog(
  win: BrowserWindow,
  defaultDir: string,
): Promise<string | null> {
  const result = await dialog.showOpenDialog(win, {
    title: 'Import a Model',
    defaultPath: defaultDir,
    filters: [
      { name: 'ONNX model or TensorFlow.js model.json', extensions: ['onnx', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['openFile'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Asks what to do with unsaved changes before closing. */
export async function askToSaveChanges(
  win: BrowserWindow,
  documentName: string,
): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    title: 'Unsaved changes',
    message: `Do you want to save the changes to “${documentName}”?`,
    detail: 'Your changes will be lost if you close without saving.',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  });
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}
