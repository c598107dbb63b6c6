/**
 * Keeps the window on the app: in-page navigation away from `app://netdesigner` is cancelled,
 * `window.open` never creates a window, and http(s) links go to the system browser — nothing else
 * (no `file:`, `javascript:` or custom schemes) is ever handed to the OS.
 */
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl, isExternalWebUrl } from '../protocol/appUrl.ts';

export type OpenExternal = (url: string) => unknown;

/** The slice of `WebContents` the guards attach to (tests pass a fake). */
export interface GuardableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url: string }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

/**
 * Decides a navigation: returns true when it may proceed (only the app's own pages); for an http(s)
 * target it also opens the URL in the system browser.
 */
export function decideNavigation(url: string, openExternal: OpenExternal): boolean {
  if (isAppUrl(url)) return true;
  if (isExternalWebUrl(url)) void openExternal(url);
  return false;
}

/** `setWindowOpenHandler` body: never a new window; http(s) goes to the system browser. */
export function handleWindowOpen(
  url: string,
  openExternal: OpenExternal,
): WindowOpenHandlerResponse {
  if (isExternalWebUrl(url)) void openExternal(url);
  return { action: 'deny' };
}

/** Attaches the navigation, redirect, new-window and webview guards to `contents`. */
export function installNavigationGuards(
  contents: GuardableContents,
  openExternal: OpenExternal,
): void {
  const guard = (event: { preventDefault(): void; url: string }): void => {
    if (!decideNavigation(event.url, openExternal)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => handleWindowOpen(details.url, openExternal));
}
