/**
 * The main window's constructor options: remembered bounds, minimum size, a background matching
 * the theme (no white flash before the renderer paints) and the secure web preferences.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from '../security/webPreferences.ts';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from './windowState.ts';
import type { WindowState } from './windowState.ts';
import { APP_NAME } from './windowTitle.ts';

export interface MainWindowInputs {
  state: WindowState;
  preloadPath: string;
  darkTheme: boolean;
  /** PNG icon for Linux (Windows and macOS take the icon from the packaged executable). */
  iconPath?: string;
}

/** Returns the `BrowserWindow` options for the main window. */
export function mainWindowOptions(inputs: MainWindowInputs): BrowserWindowConstructorOptions {
  const { state } = inputs;
  return {
    ...(state.x !== undefined && state.y !== undefined
      ? { x: state.x, y: state.y }
      : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: Math.min(MIN_WINDOW_WIDTH, state.width),
    minHeight: Math.min(MIN_WINDOW_HEIGHT, state.height),
    title: APP_NAME,
    show: false,
    backgroundColor: inputs.darkTheme ? '#1b1d21' : '#f7f8fa',
    ...(inputs.iconPath ? { icon: inputs.iconPath } : {}),
    webPreferences: secureWebPreferences(inputs.preloadPath),
  };
}
