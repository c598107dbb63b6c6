// Where the installed Electron binary is, for `npm start` (to launch it) and `npm run dist` (to
// package from it instead of downloading one).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Executable inside an Electron dist folder, as electron/install.js names it. */
export function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Where the Electron binary is, the way node_modules/electron/index.js finds it — but without its
 * side effect of starting a download (which fails with a stack trace when offline).
 * `distDir` is the unpacked Electron folder (ELECTRON_OVERRIDE_DIST_PATH or the package's dist/);
 * `found` says whether the binary is really there.
 */
export function locateElectron(root) {
  let pkgDir = null;
  let version = 'unknown';
  try {
    const pkgJson = require.resolve('electron/package.json', { paths: [root] });
    pkgDir = dirname(pkgJson);
    version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  } catch {
    // electron not installed at all: reported like a missing binary.
  }
  const pathTxt = pkgDir ? join(pkgDir, 'path.txt') : null;
  const exeName =
    pathTxt && existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : platformExecutable();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH?.trim() || null;
  const distDir = override ?? (pkgDir ? join(pkgDir, 'dist') : null);
  const binary = distDir ? join(distDir, exeName) : null;
  return {
    pkgDir,
    version,
    override,
    distDir,
    binary,
    found: Boolean(binary && existsSync(binary)),
  };
}
