/** Splitting a save dialog's suggestion into the folder to start in and the file name to offer. */

/**
 * `suggested` is a bare file name ("tiny.netd.json") or the full path of the network's current file;
 * a full path starts the dialog in its folder. Both separators are accepted (the host may be Windows).
 */
export function splitSuggestion(suggested: string): { dir: string | undefined; name: string } {
  const cut = Math.max(suggested.lastIndexOf('/'), suggested.lastIndexOf('\\'));
  if (cut < 0) return { dir: undefined, name: suggested };
  // "/net.netd.json" lives in the root folder, which is "/" (not the empty string).
  return { dir: suggested.slice(0, cut) || suggested.slice(0, 1), name: suggested.slice(cut + 1) };
}
