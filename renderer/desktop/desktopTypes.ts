/**
 * The desktop shell's bridge as the renderer sees it: `window.netdDesktop`, present only under
 * Electron. The types come from the shell's contract files, which import nothing from Electron.
 */
import type { NetdDesktop } from '../../electron/desktopBridge.ts';

export type { NetdDesktop } from '../../electron/desktopBridge.ts';
export type { MenuCommand, MenuCommandName } from '../../electron/menuCommands.ts';

declare global {
  interface Window {
    /** Native dialogs, menu commands and window state; absent in the browser (web host). */
    netdDesktop?: NetdDesktop;
  }
}
