/** Test helpers shared by the API and server tests (not used by the app). */
import type { ApiMethod, NetdApi } from './contract.ts';
import { API_CHANNELS } from './contract.ts';

/** An API whose every method records its argument and answers `{ method, arg }`. */
export function recordingApi(): { api: NetdApi; calls: { method: string; arg: unknown }[] } {
  const calls: { method: string; arg: unknown }[] = [];
  const methods = Object.fromEntries(
    (Object.keys(API_CHANNELS) as ApiMethod[]).map((method) => [
      method,
      async (arg: unknown) => {
        calls.push({ method, arg });
        return { method, arg };
      },
    ]),
  );
  const api = { ...methods, onTrainingEvent: () => () => undefined } as unknown as NetdApi;
  return { api, calls };
}
