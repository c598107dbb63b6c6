/**
 * Preload (sandboxed: it may only require 'electron'; esbuild bundles everything else into
 * dist/electron/preload.cjs). Exposes `window.netd`, `window.netdDesktop` and `window.netdDialogs`
 * — named functions only, never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createNetdApi, createNetdDesktop, createNetdDialogs } from './preload/createBridges.ts';

const desktop = createNetdDesktop(ipcRenderer);
contextBridge.exposeInMainWorld('netd', createNetdApi(ipcRenderer));
contextBridge.exposeInMainWorld('netdDesktop', desktop);
contextBridge.exposeInMainWorld('netdDialogs', createNetdDialogs(desktop));
