import type { NetdApi } from '../../main/api/contract.ts';

declare global {
  interface Window {
    /** The host API, exposed by the Electron preload; absent in the browser (web host). */
    netd?: NetdApi;
  }
}

export {};
