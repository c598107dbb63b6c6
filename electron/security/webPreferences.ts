/**
 * The main window's `webPreferences`. Every security-relevant switch is spelled out (not left to a
 * default) so a static check and a unit test can see it; templates that turn the sandbox off are
 * not to be copied.
 */
import type { WebPreferences } from 'electron';

/** Returns the secure web preferences for a window whose preload is at `preloadPath`. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}
