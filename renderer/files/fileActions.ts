/**
 * File commands of the toolbar and shortcuts: new, open, save, save as, recent, templates, recovery.
 * Each one asks before discarding unsaved changes and reports failures as a notification, never
 * as an exception reaching React.
 */
import type { NetworkDoc } from '../../main/network/types.ts';
import type { AdaptRequest } from '../../main/api/contract.ts';
import { api } from '../api/client.ts';
import { layoutDoc } from '../graph/layout.ts';
import { emptyDoc, useDocStore } from '../state/docStore.ts';
import { isDirty, useFileStore } from '../state/fileStore.ts';
import { askConfirm } from '../state/promptStore.ts';
import { useSelectionStore } from '../state/selectionStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import { useTrainingStore } from '../training/useTrainingStore.ts';
import { fileDialogs, importDialog } from './dialogs.ts';
import { errorMessage } from '../api/errors.ts';

function fail(what: string, err: unknown, path?: string): void {
  let message = errorMessage(err);
  // Host messages often start with the path already named in `what`; say it once.
  if (path && message.startsWith(`${path}: `)) message = message.slice(path.length + 2);
  useUiStore.getState().notify(`${what}: ${message}`, 'error');
}

/** Resolves true when there is nothing unsaved or the user agrees to discard it. */
export async function confirmDiscard(action: string): Promise<boolean> {
  if (!isDirty()) return true;
  const name = useDocStore.getState().doc.name;
  return askConfirm({
    title: 'Discard unsaved changes?',
    message: `“${name}” has changes that are not saved. ${action} anyway and lose them?`,
    confirmLabel: 'Discard changes',
    cancelLabel: 'Keep editing',
    danger: true,
  });
}

/** Makes `doc` the document (history cleared), laid out where needed and fitted to the view. */
export function loadDocument(doc: NetworkDoc, path: string | null, relayout = false): void {
  const laid = layoutDoc(doc, relayout ? 'all' : 'missing');
  useDocStore.getState().reset(laid);
  useFileStore.getState().markSaved(path, laid);
  useSelectionStore.getState().clear();
  useUiStore.getState().requestFit('start');
}

/** New network with a single Input layer. */
export async function newNetwork(): Promise<void> {
  if (!(await confirmDiscard('Start a new network'))) return;
  const doc: NetworkDoc = {
    ...emptyDoc('Untitled'),
    nodes: [
      { id: 'input1', type: 'Input', params: { shape: [32, 32, 3] }, position: { x: 0, y: 0 } },
    ],
  };
  loadDocument(doc, null);
}

/** Asks for a file (dialog) and opens it. */
export async function openFile(): Promise<void> {
  if (!(await confirmDiscard('Open another network'))) return;
  const path = await fileDialogs().openDialog();
  if (path) await openPath(path, true);
}

/** Opens a file by path (recent list, file browser). */
export async function openPath(path: string, confirmed = false): Promise<void> {
  if (!confirmed && !(await confirmDiscard('Open another network'))) return;
  try {
    const opened = await api.filesOpen({ path });
    loadDocument(opened.doc, opened.path);
    await refreshRecent();
  } catch (err) {
    fail(`Could not open ${path}`, err, path);
  }
}

/**
 * *File → Import…*: asks for an ONNX model; the host converts it and writes `NAME.netd.json` with
 * its weights beside the model, and the design opens from there.
 */
export async function importModel(): Promise<void> {
  if (!(await confirmDiscard('Import a model'))) return;
  const path = await importDialog();
  if (!path) return;
  try {
    const imported = await api.filesImport({ path });
    loadDocument(imported.doc, imported.path, true);
    const blocks = imported.notes.length > 0 ? ` (${imported.notes.join(', ')})` : '';
    useUiStore
      .getState()
      .notify(
        `Imported ${imported.doc.nodes.length} layers${blocks} — saved as ${imported.path} with its weights`,
      );
    await refreshRecent();
  } catch (err) {
    fail(`Could not import ${path}`, err, path);
  }
}

/** Saves to the current file, or asks for one. Resolves true when saved. */
export async function save(): Promise<boolean> {
  const path = useFileStore.getState().path;
  return path ? saveTo(path) : saveAs();
}

/** Asks for a path and saves there. Resolves true when saved. */
export async function saveAs(): Promise<boolean> {
  const doc = useDocStore.getState().doc;
  // A network that has a file starts from that file (its folder and name), like desktop apps do.
  const current = useFileStore.getState().path;
  const path = await fileDialogs().saveDialog(current ?? `${slug(doc.name)}.netd.json`);
  return path ? saveTo(path) : false;
}

async function saveTo(path: string): Promise<boolean> {
  const doc = useDocStore.getState().doc;
  // Adapt's refitted weights belong to the adapted design: saving it makes them its sidecar, so the
  // saved file never pairs with weights that no longer fit.
  const start = useTrainingStore.getState().startWeights;
  const weights = start.unsaved && start.path ? start.path : null;
  try {
    const written = await api.filesSave({ path, doc, ...(weights ? { weights } : {}) });
    useFileStore.getState().markSaved(written.path, doc);
    if (weights) await useTrainingStore.getState().refreshStartWeights();
    useUiStore.getState().notify(`Saved ${written.path}`);
    await api.recoveryClear().catch(() => undefined);
    await refreshRecent();
    return true;
  } catch (err) {
    fail(`Could not save ${path}`, err, path);
    return false;
  }
}

/** Reloads the recent-files list from the host. */
export async function refreshRecent(): Promise<void> {
  try {
    useFileStore.getState().setRecent(await api.filesRecent());
  } catch {
    // The list is a convenience; a failure here must not disturb the command that triggered it.
  }
}

/** Loads a template (optionally adapted), laid out and fitted. Resolves the adaptation notes. */
export async function loadTemplate(id: string, adapt: AdaptRequest = {}): Promise<string[] | null> {
  if (!(await confirmDiscard('Load a template'))) return null;
  try {
    const result = await api.templatesLoad({ id, ...adapt });
    loadDocument(result.doc, null, true);
    return result.changes;
  } catch (err) {
    fail(`Could not load template ${id}`, err);
    return null;
  }
}

/** A file-name-friendly version of a network name. */
export function slug(name: string): string {
  const s = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s || 'network';
}
