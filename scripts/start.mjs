#!/usr/bin/env node
// `npm start [-- FILE.netd.json]`: builds what is stale (renderer via vite, the Electron bundles via
// esbuild) and launches the desktop app. Electron 45 downloads its binary on first use; where it
// is missing (offline machine) this prints how to get it and offers `npm run serve`, exit 1.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { locateElectron, platformExecutable } from './electronBinary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

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

async function buildIfStale() {
  // The web host's check and build (renderer + assets + vite config, with a lock), run through tsx.
  register();
  const { ensureRendererBuilt } = await import('../main/server/rendererBuild.ts');
  try {
    await ensureRendererBuilt(ROOT, (line) => console.error(line));
  } catch (error) {
    console.error(`npm start: cannot build the renderer: ${error.message}`);
    process.exit(1);
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

let electron = locateElectron(ROOT);
if (!electron.found && tryDownloadElectron(electron)) electron = locateElectron(ROOT);
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

await buildIfStale();
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
