/**
 * The native menu as data. Items that act on the design send a `MenuCommand` to the renderer; the
 * few that are the shell's own business (documentation, dev tools, quit) call back into the main
 * process. Pure — no Electron import — so tests can walk the whole tree.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../menuCommands.ts';

export interface MenuDeps {
  platform: NodeJS.Platform;
  appName: string;
  /** Most recent first; at most the first `MAX_RECENT_IN_MENU` are shown. */
  recentFiles: readonly { path: string; name?: string }[];
  send(command: MenuCommand): void;
  openDocumentation(): void;
  /** Show developer tools and reload (unpackaged builds only). */
  developerItems: boolean;
}

export const MAX_RECENT_IN_MENU = 10;

/**
 * Keys the renderer already handles with its own keyboard shortcuts (Ctrl/Cmd+Z, S, O, A, C, V, F
 * …). On Windows and Linux `registerAccelerator: false` shows the shortcut in the menu without
 * also grabbing the key, so one key press never triggers the action twice.
 */
const SHOWN_ONLY = { registerAccelerator: false } as const;

function recentSubmenu(deps: MenuDeps): MenuItemConstructorOptions[] {
  const files = deps.recentFiles.slice(0, MAX_RECENT_IN_MENU);
  if (files.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  return files.map((file, index) => ({
    // Numbered mnemonics on Windows/Linux; `&` in a file name must not become one.
    label: `${index < 9 ? `&${index + 1} ` : ''}${(file.name || basename(file.path)).replace(/&/g, '&&')}`,
    toolTip: file.path,
    click: () => deps.send({ command: 'file.openPath', path: file.path }),
  }));
}

/** Returns the full application menu for `deps.platform`. */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const { send } = deps;
  const isMac = deps.platform === 'darwin';
  const item = (label: string, command: MenuCommand, extra: MenuItemConstructorOptions = {}) => ({
    label,
    click: () => send(command),
    ...extra,
  });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('&New', { command: 'file.new' }, { accelerator: 'CmdOrCtrl+N' }),
      item('&Open…', { command: 'file.open' }, { accelerator: 'CmdOrCtrl+O', ...SHOWN_ONLY }),
      { label: 'Open &Recent', submenu: recentSubmenu(deps) },
      { type: 'separator' },
      item('&Save', { command: 'file.save' }, { accelerator: 'CmdOrCtrl+S', ...SHOWN_ONLY }),
      item('Save &As…', { command: 'file.saveAs' }, { accelerator: 'Shift+CmdOrCtrl+S' }),
      { type: 'separator' },
      {
        label: '&Export Diagram',
        submenu: [
          item('As &PNG…', { command: 'file.export', format: 'png' }),
          item('As &SVG…', { command: 'file.export', format: 'svg' }),
        ],
      },
      item('Export Code or &Model…', { command: 'file.exportModel' }),
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'E&xit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      item('&Undo', { command: 'edit.undo' }, { accelerator: 'CmdOrCtrl+Z', ...SHOWN_ONLY }),
      item('&Redo', { command: 'edit.redo' }, { accelerator: 'Shift+CmdOrCtrl+Z', ...SHOWN_ONLY }),
      { type: 'separator' },
      { role: 'cut', ...SHOWN_ONLY },
      { role: 'copy', ...SHOWN_ONLY },
      { role: 'paste', ...SHOWN_ONLY },
      { role: 'selectAll', ...SHOWN_ONLY },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // A bare "F" would be a macOS key equivalent that swallows typing, so show it elsewhere only.
      item(
        '&Fit to Window',
        { command: 'view.fit' },
        isMac ? {} : { accelerator: 'F', ...SHOWN_ONLY },
      ),
      item('Zoom &In', { command: 'view.zoomIn' }, { accelerator: 'CmdOrCtrl+=' }),
      item('Zoom &Out', { command: 'view.zoomOut' }, { accelerator: 'CmdOrCtrl+-' }),
      { type: 'separator' },
      item(
        'Toggle &Palette',
        { command: 'view.togglePanel', panel: 'palette' },
        { accelerator: 'CmdOrCtrl+1' },
      ),
      item(
        'Toggle &Inspector',
        { command: 'view.togglePanel', panel: 'inspector' },
        { accelerator: 'CmdOrCtrl+2' },
      ),
      item(
        'Toggle &Bottom Panel',
        { command: 'view.togglePanel', panel: 'bottom' },
        { accelerator: 'CmdOrCtrl+3' },
      ),
      { type: 'separator' },
      {
        label: '&Theme',
        submenu: [
          item(
            '&System',
            { command: 'view.theme', theme: 'system' },
            { type: 'radio', checked: true },
          ),
          item('&Light', { command: 'view.theme', theme: 'light' }, { type: 'radio' }),
          item('&Dark', { command: 'view.theme', theme: 'dark' }, { type: 'radio' }),
        ],
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(deps.developerItems
        ? [
            { type: 'separator' } as const,
            { role: 'reload' } as const,
            { role: 'toggleDevTools' } as const,
          ]
        : []),
    ],
  };

  const train: MenuItemConstructorOptions = {
    label: '&Train',
    submenu: [
      item('&Start Training', { command: 'train.start' }, { accelerator: 'F5' }),
      item('S&top Training', { command: 'train.stop' }, { accelerator: 'Shift+F5' }),
      { type: 'separator' },
      item('Check &Environment…', { command: 'train.checkEnvironment' }),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: `${deps.appName} &Documentation`, click: () => deps.openDocumentation() },
      { type: 'separator' },
      item(`&About ${deps.appName}`, { command: 'help.about' }),
    ],
  };

  const appMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'appMenu' }] : [];
  const windowMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'windowMenu' }] : [];
  return [...appMenu, file, edit, view, train, ...windowMenu, help];
}
