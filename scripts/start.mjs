#!/usr/bin/env node
// `npm start [-- FILE.netd.json]`: builds what is stale (renderer via vite, the Electron bundles via
// esbuild) and launches the desktop app. Electron 45 downloads its binary on first use; where it
// is missing (offline machine) this prints how to get it and offers `npm run serve`, exit 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Executable inside an Electron dist folder, as electron/install.js names it. */
function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Where the Electron binary is, the way node_modules/electron/index.js finds it — but without its
 * side effect of starting a download (which fails with a stack trace when offline).
 */
function locateElectron() {
  let pkgDir = null;
  let version = 'unknown';
  try {
    const pkgJson = require.resolve('electron/package.json', { paths: [ROOT] });
    pkgDir = dirname(pkgJson);
    version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  } catch {
    // electron not installed at all: handled below like a missing binary.
  }
  const pathTxt = pkgDir ? join(pkgDir, 'path.txt') : null;
  const exeName =
    pathTxt && existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : platformExecutable();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH?.trim();
  const binary = override ? join(override, exeName) : pkgDir ? join(pkgDir, 'dist', exeName) : null;
  return {
    pkgDir,
    version,
    override: override || null,
    binary,
    found: Boolean(binary && existsSync(binary)),
  };
}

function explainMissingElectron({ pkgDir, version, override, binary }) {
  const lines = [];
  if (override) {
    lines.push(
      `npm start: ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron binary at ${binary}.`,
    );
    lines.push(
      `  Point it at the folder of an unpacked Electron ${version} (the one holding "${platformExecutable()}").`,
    );
  } else if (!pkgDir) {
    lines.push('npm start: the "electron" package is not installed; run `npm install` first.');
  } else {
    lines.push(
      `npm start: the Electron ${version} binary is not installed (${relative(ROOT, join(pkgDir, 'dist')) || pkgDir} is missing).`,
    );
    lines.push('  Electron downloads it on first use, and this machine could not (no network?).');
  }
  lines.push('', 'Get it in any one of these ways, then run `npm start` again:');
  lines.push('  1. On a connected machine:');
  lines.push('       npx install-electron');
  lines.push('  2. Through a mirror or proxy:');
  lines.push('       ELECTRON_MIRROR=https://your.mirror/electron/ npx install-electron');
  lines.push(
    `  3. From electron-v${version}-${process.platform}-${process.arch}.zip fetched elsewhere (github.com/electron/electron/releases):`,
  );
  lines.push(
    `       unzip it into node_modules/electron/dist, then: printf '${platformExecutable()}' > node_modules/electron/path.txt`,
  );
  lines.push(`  4. With an unpacked Electron ${version} you already have:`);
  lines.push('       ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start');
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    lines.push(`  (install-electron needs Node >= 22.12; this is Node ${process.versions.node}.)`);
  }
  lines.push('', 'Or use NetDesigner in your browser right now (same designer, same training):');
  lines.push('  npm run serve');
  console.error(lines.join('\n'));
}

/** Newest mtime under `path` (a file or folder), skipping node_modules; 0 when missing. */
function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry !== 'node_modules') newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function run(step, command, args) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`npm start: ${step} failed (see above).`);
    process.exit(1);
  }
}

function buildIfStale() {
  const index = join(ROOT, 'dist', 'renderer', 'index.html');
  const built = newestMtime(index);
  const sources = Math.max(
    newestMtime(join(ROOT, 'renderer')),
    newestMtime(join(ROOT, 'vite.config.ts')),
  );
  if (!built || sources > built) {
    console.error(
      built ? 'Renderer sources changed; rebuilding…' : 'Building the designer (first start)…',
    );
    run('the renderer build (vite build)', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  }
  // esbuild takes well under a second; always rebuilding avoids tracking main/'s import graph.
  run('the Electron bundle (scripts/build-electron.mjs)', process.execPath, [
    join(ROOT, 'scripts', 'build-electron.mjs'),
    '--quiet',
  ]);
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * First start on a connected machine: fetch the binary the way Electron's own launcher would
 * (`install-electron`), but quietly, so an offline machine gets our explanation, not a stack.
 */
function tryDownloadElectron({ pkgDir, version, override }) {
  if (override || !pkgDir || process.env.NETD_NO_ELECTRON_DOWNLOAD === '1') return false;
  console.error(`Downloading the Electron ${version} binary (first start)…`);
  const result = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
    cwd: pkgDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) return true;
  const reason = `${result.stderr ?? ''}${result.stdout ?? ''}`
    .split('\n')
    .find((line) => /error/i.test(line));
  console.error(`  The download failed${reason ? `: ${reason.trim()}` : ''}.`);
  return false;
}

let electron = locateElectron();
if (!electron.found && tryDownloadElectron(electron)) electron = locateElectron();
if (!electron.found) {
  explainMissingElectron(electron);
  process.exit(1);
}
if (!hasDisplay()) {
  console.error('npm start: no display (neither DISPLAY nor WAYLAND_DISPLAY is set).');
  console.error('  On a headless machine use the web host instead: npm run serve');
  console.error('  (or run under a virtual display: xvfb-run npm start).');
  process.exit(1);
}

/**
 * `npm start -- my.netd.json` runs in the package root, not where the user typed it: resolve file
 * arguments against npm's INIT_CWD so they still name the user's file.
 */
function appArguments() {
  const userCwd = process.env.INIT_CWD || process.cwd();
  return process.argv
    .slice(2)
    .map((arg) => (arg.startsWith('-') || isAbsolute(arg) ? arg : resolve(userCwd, arg)));
}

buildIfStale();
// ELECTRON_RUN_AS_NODE (set by some tools' terminals) would run Electron as plain Node on '.'.
const { ELECTRON_RUN_AS_NODE: _runAsNode, ...electronEnv } = process.env;
const child = spawn(electron.binary, ['.', ...appArguments()], {
  cwd: ROOT,
  stdio: 'inherit',
  env: electronEnv,
});
child.on('error', (error) => {
  console.error(`npm start: could not launch ${electron.binary}: ${error.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (code && process.platform === 'linux' && process.getuid?.() === 0) {
    console.error('npm start: Electron exited with an error. Chromium does not run as root with');
    console.error('  its sandbox on: start NetDesigner as a normal user, or use npm run serve.');
  } else if (code && process.platform === 'linux') {
    console.error(
      'npm start: Electron exited with an error. If it mentions the "SUID sandbox helper",',
    );
    console.error(
      `  run: sudo chown root:root ${join(dirname(electron.binary), 'chrome-sandbox')} && sudo chmod 4755 <that file>`,
    );
    console.error('  (or enable unprivileged user namespaces), or use npm run serve.');
  }
  process.exit(code ?? (signal ? 1 : 0));
});
