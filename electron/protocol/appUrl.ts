/**
 * The app's own origin. The renderer is served from `app://netdesigner/…` (a privileged, standard,
 * secure custom scheme) rather than `file://`, so it has a real origin that CSP `'self'`, the IPC
 * sender check and navigation guards can all compare against, and no file-system-wide reach.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'netdesigner';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is one of the app's own pages (`app://netdesigner/…`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Node's URL reports origin "null" for non-special schemes, so compare scheme and host.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** True for http(s) URLs — the only kind we hand to the system browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
