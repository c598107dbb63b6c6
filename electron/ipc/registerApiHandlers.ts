/**
 * Wires `NetdApi` to IPC: one `ipcMain.handle` per `API_CHANNELS` entry. Each handler first checks
 * the sender, then hands the payload to `dispatchApiCall`, which validates it with the method's
 * schema — so every channel rejects a malformed payload with a message naming the bad field.
 */
import { API_CHANNELS } from '../../main/api/contract.ts';
import type { ApiMethod, NetdApi } from '../../main/api/contract.ts';
import { dispatchApiCall } from '../../main/api/dispatch.ts';
import { ipcError } from './ipcResult.ts';
import type { IpcResult } from './ipcResult.ts';
import type { IpcSenderInfo, SenderCheck } from './senderGuard.ts';
import type { WriteGuard } from './writeGuard.ts';

/** The slice of `ipcMain` used here (tests pass a fake). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcSenderInfo, ...args: unknown[]) => Promise<IpcResult>,
  ): void;
}

export interface ApiHandlerOptions {
  /** Called after a successful call (e.g. to refresh the Open Recent menu after files:open). */
  onSuccess?: (method: ApiMethod, result: unknown) => void;
  /** Refuses writes to files the user did not choose (see `writeGuard.ts`). */
  writeGuard?: Pick<WriteGuard, 'refusal'>;
}

/** Registers one handler per API channel on `ipc`; returns the channels registered. */
export function registerApiHandlers(
  ipc: IpcMainLike,
  api: NetdApi,
  checkSender: SenderCheck,
  options: ApiHandlerOptions = {},
): string[] {
  const channels: string[] = [];
  for (const [method, channel] of Object.entries(API_CHANNELS) as [ApiMethod, string][]) {
    ipc.handle(channel, async (event, payload) => {
      const refusal = checkSender(event);
      if (refusal) return ipcError(`Refused ${channel}: ${refusal}.`, 'forbidden');
      const writeRefusal = options.writeGuard?.refusal(method, payload);
      if (writeRefusal) return ipcError(`Refused ${channel}: ${writeRefusal}.`, 'forbidden');
      const outcome = await dispatchApiCall(api, channel, payload);
      if (outcome.ok) options.onSuccess?.(method, outcome.result);
      return outcome;
    });
    channels.push(channel);
  }
  return channels;
}
