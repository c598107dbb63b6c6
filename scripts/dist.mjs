#!/usr/bin/env node
// `npm run dist`: a release build of the renderer and the Electron bundles, then electron-builder
// for the current OS (Linux: AppImage + deb, Windows: nsis, macOS: dmg) into release/.
// Extra arguments go to electron-builder (e.g. `npm run dist -- --x64 --dir`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateElectron } from './electronBinary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

function run(step, command, args) {
  console.error(`\n▶ ${step}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows });
  return result.status === 0;
}

const platformFlag = { darwin: '--mac', win32: '--win', linux: '--linux' }[process.platform];
if (!platformFlag) {
  console.error(
    `npm run dist: packaging is not set up for ${process.platform} (Linux, Windows and macOS are).`,
  );
  process.exit(1);
}

if (!run('renderer (vite build)', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  console.error('npm run dist: the renderer build failed (see above).');
  process.exit(1);
}
if (!run('Electron bundles', process.execPath, [join(ROOT, 'scripts', 'build-electron.mjs')])) {
  console.error('npm run dist: the Electron bundle failed (see above).');
  process.exit(1);
}

const builderArgs = [
  'electron-builder',
  platformFlag,
  '--config',
  'electron-builder.yml',
  '--publish',
  'never',
];
// A locally installed Electron to package from, so electron-builder need not download one.
const electron = locateElectron(ROOT);
const electronDist = electron.found ? electron.distDir : null;
if (electronDist) builderArgs.push(`--config.electronDist=${electronDist}`);
builderArgs.push(...process.argv.slice(2));

if (!run(`electron-builder ${platformFlag}`, 'npx', builderArgs)) {
  console.error('\nnpm run dist: electron-builder failed (see above).');
  if (!electronDist) {
    console.error(
      '  It needs the Electron binary: install it first (`npx install-electron` on a connected',
    );
    console.error(
      '  machine, or ELECTRON_MIRROR=…), or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron.',
    );
  }
  process.exit(1);
}
console.error('\nPackages written to release/.');
