/**
 * Help → Documentation. The app works offline, so the docs are the README shipped inside the app;
 * it is copied out of the asar archive (the OS cannot open files inside it) and opened with the
 * system's viewer for Markdown/text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ensureDir } from '../../main/files/safeFs.ts';
import { join } from 'node:path';

/**
 * Copies `readmePath` to `tempDir` and opens it with `openPath`; returns an error message for the
 * user, or `null` on success.
 */
export async function openDocumentation(
  readmePath: string,
  tempDir: string,
  openPath: (path: string) => Promise<string>,
): Promise<string | null> {
  const target = join(tempDir, 'NetDesigner-README.md');
  try {
    // Private (0700), created level by level; the copy is written 0600.
    await ensureDir(tempDir, 0o700);
    // read + write rather than copyFile: reading is what Electron's asar layer supports everywhere.
    await writeFile(target, await readFile(readmePath), { mode: 0o600 });
  } catch {
    return `The documentation could not be found at ${readmePath}.`;
  }
  // openPath resolves to an error string ("" on success).
  const failure = await openPath(target);
  return failure ? `Could not open the documentation (${target}): ${failure}` : null;
}
