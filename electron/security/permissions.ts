/**
 * Web permissions: the designer needs none of camera, microphone, geolocation, notifications, MIDI,
 * HID, serial or USB, so every request and check is denied — except writing to the clipboard,
 * which copy/paste of nodes uses.
 */
import type { Session } from 'electron';

const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** True when the app's own page may use `permission`. */
export function isPermissionAllowed(permission: string, isAppPage: boolean): boolean {
  return isAppPage && ALLOWED_PERMISSIONS.has(permission);
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/**
 * Installs deny-by-default permission handlers on `session`; `isAppPage(url)` says whether a
 * requesting URL is one of the app's own pages.
 */
export function installPermissionHandlers(
  session: PermissionSession,
  isAppPage: (url: string) => boolean,
): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(isPermissionAllowed(permission, isAppPage(contents.getURL())));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, isAppPage(requestingOrigin)),
  );
  session.setDevicePermissionHandler(() => false);
}
