/**
 * Creates the one main window: remembered bounds, secure preferences, navigation guards, the
 * close guard, and the remembered state written back on move/resize/close.
 */
import { BrowserWindow, nativeTheme, screen, shell } from 'electron';
import { installNavigationGuards } from '../security/navigation.ts';
import { APP_ENTRY_URL } from '../protocol/appUrl.ts';
import { mainWindowOptions } from '../window/mainWindowOptions.ts';
import { loadWindowState, saveWindowState, saveWindowStateSync } from '../window/windowState.ts';
import type { Rect, WindowState } from '../window/windowState.ts';

export interface MainWindowSetup {
  stateFile: string;
  preloadPath: string;
  iconPath?: string;
  /** Called on every `close` event; returns false when it cancelled the close (unsaved changes). */
  onClose(event: { preventDefault(): void }): boolean;
  /** Called when the page has loaded (deliver pending menu commands). */
  onLoaded(): void;
}

/** Work areas of all displays, primary first. */
function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
    (d) => d.workArea,
  );
}

function currentState(win: BrowserWindow): WindowState {
  // getNormalBounds: the size to restore to, not the maximized one.
  const bounds = win.getNormalBounds();
  return { ...bounds, maximized: win.isMaximized() };
}

/**
 * Creates and wires the main window; the caller loads `APP_ENTRY_URL` into it *after* keeping the
 * reference, because the page calls the API (and the pending menu commands are flushed) while it
 * loads — before `loadURL` resolves.
 */
export async function createMainWindow(setup: MainWindowSetup): Promise<BrowserWindow> {
  const state = await loadWindowState(setup.stateFile, displayWorkAreas());
  const win = new BrowserWindow(
    mainWindowOptions({
      state,
      preloadPath: setup.preloadPath,
      darkTheme: nativeTheme.shouldUseDarkColors,
      ...(setup.iconPath ? { iconPath: setup.iconPath } : {}),
    }),
  );
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  installNavigationGuards(win.webContents, (url) => shell.openExternal(url));
  // Ctrl+wheel zooms the canvas, not the whole page.
  void win.webContents.setVisualZoomLevelLimits(1, 1);

  let saveTimer: NodeJS.Timeout | undefined;
  const scheduleSave = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      // A destroyed window throws on every getter; its state was saved on close.
      if (!win.isDestroyed()) void saveWindowState(setup.stateFile, currentState(win));
    }, 1000);
  };
  // 'resize'/'move' rather than 'resized'/'moved', which Linux never emits; debounced above.
  win.on('resize', scheduleSave);
  win.on('move', scheduleSave);
  win.on('maximize', scheduleSave);
  win.on('unmaximize', scheduleSave);
  win.on('close', (event) => {
    if (setup.onClose(event)) {
      clearTimeout(saveTimer);
      // Synchronous: on Quit the process exits right after the window closes.
      saveWindowStateSync(setup.stateFile, currentState(win));
    }
  });
  win.webContents.on('did-finish-load', () => setup.onLoaded());
  return win;
}

/** Loads the app's page into `win`; rejects when the page cannot be loaded. */
export function loadAppPage(win: BrowserWindow): Promise<void> {
  return win.loadURL(APP_ENTRY_URL);
}
