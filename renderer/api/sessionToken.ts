/**
 * The web host's session token. It stays in the address bar (so a reload or a bookmark works) and
 * is mirrored to sessionStorage so an in-app navigation that drops the query keeps working.
 */
const STORAGE_KEY = 'netd.sessionToken';

/** The token from `search` (`?token=…`), else the one remembered for this tab, else null. */
export function readSessionToken(
  search: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
): string | null {
  const fromUrl = new URLSearchParams(search).get('token');
  if (fromUrl) {
    try {
      storage?.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the URL still has the token.
    }
    return fromUrl;
  }
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
