/** Test helpers shared by the API and server tests (not used by the app). */
import type { NetworkDoc } from '../network/types.ts';
import type { ApiMethod, NetdApi } from './contract.ts';
import { API_CHANNELS } from './contract.ts';

/** A small valid network (the DESIGN.md example). */
export function tinyDoc(): NetworkDoc {
  return {
    format: 'netdesigner.network',
    version: 1,
    name: 'Tiny',
    nodes: [
      { id: 'in', type: 'Input', params: { shape: [32, 32, 3] }, position: { x: 0, y: 0 } },
      { id: 'c1', type: 'Conv2D', params: { filters: 16, kernelSize: 3, padding: 'same' } },
      { id: 'gap', type: 'GlobalAvgPool2D', params: {} },
      { id: 'fc', type: 'Dense', params: { units: 10, activation: 'softmax' } },
    ],
    edges: [
      { source: 'in', target: 'c1' },
      { source: 'c1', target: 'gap' },
      { source: 'gap', target: 'fc' },
    ],
  };
}

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
