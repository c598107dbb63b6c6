/**
 * IPC of the desktop bridge (`window.netdDesktop`): native dialogs and window state. Same rules as
 * the API channels — the sender is checked and the payload validated with zod before anything
 * happens; a bad `send` (no reply channel) is dropped with a log line.
 */
import { z } from 'zod';
import { formatZodError } from '../../main/api/errors.ts';
import { MAX_PATH_CHARS } from '../../main/api/schemas.ts';
import { DESKTOP_CHANNELS } from '../desktopBridge.ts';
import { ipcError } from './ipcResult.ts';
import type { IpcResult } from './ipcResult.ts';
import type { IpcSenderInfo, SenderCheck } from './senderGuard.ts';

export interface DesktopIpcLike {
  handle(
    channel: string,
    listener: (event: IpcSenderInfo, ...args: unknown[]) => Promise<IpcResult>,
  ): void;
  on(channel: string, listener: (event: IpcSenderInfo, ...args: unknown[]) => void): void;
}

export interface DesktopActions {
  showOpenDialog(): Promise<string | null>;
  showSaveDialog(suggestedName: string | undefined): Promise<string | null>;
  /** *Export model*: the folder chosen is the only one the host then writes the model into. */
  showFolderDialog(title: string | undefined): Promise<string | null>;
  /** *Export*: the path chosen is the only one the host then exports to. */
  showExportDialog(suggested: string): Promise<string | null>;
  /** *Import…*: the model chosen is the only one the host then imports (writing beside it). */
  showImportDialog(): Promise<string | null>;
  setDirty(isDirty: boolean): void;
  setTitle(title: string): void;
}

const MAX_TITLE_LENGTH = 300;

// `.nullish()` rather than a union with undefined: a bad field then gets a message naming it.
export const desktopRequestSchemas = {
  showOpenDialog: z.strictObject({}).nullish(),
  showSaveDialog: z.strictObject({ suggestedName: z.string().max(1000).optional() }).nullish(),
  showFolderDialog: z
    .strictObject({ title: z.string().max(MAX_TITLE_LENGTH).optional() })
    .nullish(),
  showExportDialog: z.strictObject({ suggested: z.string().max(MAX_PATH_CHARS) }),
  showImportDialog: z.strictObject({}).nullish(),
  setDirty: z.strictObject({ isDirty: z.boolean() }),
  setTitle: z.strictObject({ title: z.string().max(MAX_TITLE_LENGTH) }),
};

/** Registers the desktop bridge channels on `ipc`. */
export function registerDesktopHandlers(
  ipc: DesktopIpcLike,
  actions: DesktopActions,
  checkSender: SenderCheck,
  log: (message: string) => void = (message) => console.warn(`[netd] ${message}`),
): void {
  const invoke = <T>(
    channel: string,
    schema: z.ZodType<T>,
    run: (req: T) => Promise<unknown>,
  ): void => {
    ipc.handle(channel, async (event, payload) => {
      const refusal = checkSender(event);
      if (refusal) return ipcError(`Refused ${channel}: ${refusal}.`, 'forbidden');
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        return ipcError(
          `Invalid ${channel} request: ${formatZodError(parsed.error)}`,
          'bad-request',
        );
      }
      try {
        return { ok: true, result: (await run(parsed.data)) ?? null };
      } catch (error) {
        return ipcError(
          `${channel} failed: ${error instanceof Error ? error.message : String(error)}`,
          'internal',
        );
      }
    });
  };
  const notify = <T>(channel: string, schema: z.ZodType<T>, run: (req: T) => void): void => {
    ipc.on(channel, (event, payload) => {
      const refusal = checkSender(event);
      if (refusal) return log(`Refused ${channel}: ${refusal}.`);
      const parsed = schema.safeParse(payload);
      if (!parsed.success)
        return log(`Invalid ${channel} message: ${formatZodError(parsed.error)}`);
      run(parsed.data);
    });
  };

  invoke(DESKTOP_CHANNELS.showOpenDialog, desktopRequestSchemas.showOpenDialog, () =>
    actions.showOpenDialog(),
  );
  invoke(DESKTOP_CHANNELS.showSaveDialog, desktopRequestSchemas.showSaveDialog, (req) =>
    actions.showSaveDialog(req?.suggestedName),
  );
  invoke(DESKTOP_CHANNELS.showFolderDialog, desktopRequestSchemas.showFolderDialog, (req) =>
    actions.showFolderDialog(req?.title),
  );
  invoke(DESKTOP_CHANNELS.showExportDialog, desktopRequestSchemas.showExportDialog, (req) =>
    actions.showExportDialog(req.suggested),
  );
  invoke(DESKTOP_CHANNELS.showImportDialog, desktopRequestSchemas.showImportDialog, () =>
    actions.showImportDialog(),
  );
  notify(DESKTOP_CHANNELS.setDirty, desktopRequestSchemas.setDirty, (req) =>
    actions.setDirty(req.isDirty),
  );
  notify(DESKTOP_CHANNELS.setTitle, desktopRequestSchemas.setTitle, (req) =>
    actions.setTitle(req.title),
  );
}
