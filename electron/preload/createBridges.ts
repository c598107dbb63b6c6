/**
 * Builds the two objects the preload exposes: `window.netd` (exactly the `NetdApi`, one named
 * function per call) and `window.netdDesktop` (dialogs, menu commands, window state). Neither
 * object leaks `ipcRenderer` or a generic `invoke`: every function sends on one fixed channel.
 * Kept free of `contextBridge` so tests can build and inspect the objects directly.
 */
import type { IpcRendererEvent } from 'electron';
import { API_CHANNELS, TRAINING_EVENT_CHANNEL } from '../../main/api/contract.ts';
import type { ApiMethod, NetdApi } from '../../main/api/contract.ts';
import type { TrainingEvent } from '../../main/training/types.ts';
import { DESKTOP_CHANNELS } from '../desktopBridge.ts';
import type { NetdDesktop, NetdDialogs, SaveDialogOptions } from '../desktopBridge.ts';
import type { MenuCommand } from '../menuCommands.ts';
import { unwrapIpcResult } from '../ipc/ipcResult.ts';

/** The slice of `ipcRenderer` the bridges use (so tests can pass a fake). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(
    channel: string,
    listener: (event: IpcRendererEvent, ...args: unknown[]) => void,
  ): unknown;
}

type ApiCallers = Pick<NetdApi, ApiMethod>;

/**
 * Returns the `window.netd` object: one async function per `API_CHANNELS` entry plus
 * `onTrainingEvent`. A host-side error rejects with an `Error` carrying the host's message.
 */
export function createNetdApi(ipc: RendererIpc): NetdApi {
  const callers: Record<string, (req?: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(API_CHANNELS) as [ApiMethod, string][]) {
    // Only the request object crosses; extra arguments are dropped so the shape stays fixed.
    callers[method] = async (req?: unknown) =>
      unwrapIpcResult(await ipc.invoke(channel, req ?? {}));
  }
  const api = callers as unknown as ApiCallers;
  return {
    ...api,
    onTrainingEvent(listener: (event: TrainingEvent) => void): () => void {
      const handler = (_event: IpcRendererEvent, payload: unknown): void =>
        listener(payload as TrainingEvent);
      ipc.on(TRAINING_EVENT_CHANNEL, handler);
      return () => {
        ipc.removeListener(TRAINING_EVENT_CHANNEL, handler);
      };
    },
  };
}

/**
 * Returns the `window.netdDesktop` object. Menu commands are subscribed at once and buffered
 * until the renderer's first listener arrives, so a file given on the command line is not lost
 * while React is still mounting.
 */
export function createNetdDesktop(ipc: RendererIpc): Required<NetdDesktop> {
  const listeners = new Set<(command: MenuCommand) => void>();
  const pending: MenuCommand[] = [];
  ipc.on(DESKTOP_CHANNELS.menuCommand, (_event: IpcRendererEvent, payload: unknown) => {
    const command = payload as MenuCommand;
    if (listeners.size === 0) pending.push(command);
    for (const listener of listeners) listener(command);
  });

  return {
    onMenuCommand(listener: (command: MenuCommand) => void): () => void {
      listeners.add(listener);
      for (const command of pending.splice(0)) listener(command);
      return () => {
        listeners.delete(listener);
      };
    },
    async showOpenDialog(): Promise<string | null> {
      return unwrapIpcResult(await ipc.invoke(DESKTOP_CHANNELS.showOpenDialog, {})) as
        string | null;
    },
    async showSaveDialog(options?: SaveDialogOptions): Promise<string | null> {
      const req = { suggestedName: options?.suggestedName };
      return unwrapIpcResult(await ipc.invoke(DESKTOP_CHANNELS.showSaveDialog, req)) as
        string | null;
    },
    async showFolderDialog(options?: { title?: string }): Promise<string | null> {
      const req = { title: options?.title };
      return unwrapIpcResult(await ipc.invoke(DESKTOP_CHANNELS.showFolderDialog, req)) as
        string | null;
    },
    async showExportDialog(suggested: string): Promise<string | null> {
      const req = { suggested };
      return unwrapIpcResult(await ipc.invoke(DESKTOP_CHANNELS.showExportDialog, req)) as
        string | null;
    },
    async showImportDialog(): Promise<string | null> {
      return unwrapIpcResult(await ipc.invoke(DESKTOP_CHANNELS.showImportDialog, {})) as
        string | null;
    },
    setDirty(isDirty: boolean): void {
      ipc.send(DESKTOP_CHANNELS.setDirty, { isDirty });
    },
    setTitle(title: string): void {
      ipc.send(DESKTOP_CHANNELS.setTitle, { title });
    },
  };
}

/**
 * Returns `window.netdDialogs`, the shape the renderer's file-dialog indirection
 * (`renderer/files/dialogs.ts`) looks for, so the designer gets native dialogs with no wiring.
 */
export function createNetdDialogs(desktop: Required<NetdDesktop>): NetdDialogs {
  return {
    openDialog: () => desktop.showOpenDialog(),
    saveDialog: (suggestedName: string) => desktop.showSaveDialog({ suggestedName }),
    folderDialog: (title: string) => desktop.showFolderDialog({ title }),
    exportDialog: (suggested: string) => desktop.showExportDialog(suggested),
    importDialog: () => desktop.showImportDialog(),
  };
}
