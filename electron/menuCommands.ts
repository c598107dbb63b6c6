/**
 * What a native menu item (or the OS: a file double-clicked, a second launch) asks the renderer to
 * do. The main process sends these on `DESKTOP_CHANNELS.menuCommand`; the renderer receives them
 * through `window.netdDesktop.onMenuCommand`. Plain JSON data, no Electron import, so the renderer
 * can `import type` this file.
 */

/** Side panels the View menu can show or hide. */
export type PanelId = 'palette' | 'inspector' | 'bottom';

/** The theme choices of the View menu; `system` follows the OS. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export type MenuCommand =
  | { command: 'file.new' }
  /** Ask for a file (the renderer calls `netdDesktop.showOpenDialog`, then `netd.filesOpen`). */
  | { command: 'file.open' }
  /** Open this file now: Open Recent, a file passed on the command line or opened from the OS. */
  | { command: 'file.openPath'; path: string }
  | { command: 'file.save' }
  | { command: 'file.saveAs' }
  | { command: 'file.export'; format: 'png' | 'svg' }
  /** *Export Code or Model…*: PyTorch code, ONNX or Keras code of the design. */
  | { command: 'file.exportModel' }
  | { command: 'edit.undo' }
  | { command: 'edit.redo' }
  | { command: 'view.fit' }
  | { command: 'view.zoomIn' }
  | { command: 'view.zoomOut' }
  | { command: 'view.togglePanel'; panel: PanelId }
  | { command: 'view.theme'; theme: ThemeChoice }
  | { command: 'train.start' }
  | { command: 'train.stop' }
  | { command: 'train.checkEnvironment' }
  | { command: 'help.about' };

/** Every command name, for exhaustive handling and tests. */
export type MenuCommandName = MenuCommand['command'];

export const MENU_COMMAND_NAMES: readonly MenuCommandName[] = [
  'file.new',
  'file.open',
  'file.openPath',
  'file.save',
  'file.saveAs',
  'file.export',
  'file.exportModel',
  'edit.undo',
  'edit.redo',
  'view.fit',
  'view.zoomIn',
  'view.zoomOut',
  'view.togglePanel',
  'view.theme',
  'train.start',
  'train.stop',
  'train.checkEnvironment',
  'help.about',
];
