#!/usr/bin/env node
// Bundles the Electron shell with esbuild into dist/electron/: main.cjs (main process), preload.cjs
// (sandboxed preload: only 'electron' may stay a require) and trainer.cjs (utility process).
// Usage: node scripts/build-electron.mjs [--quiet] [--only=main,preload,trainer] [--outdir=DIR]
// Exit 1 with esbuild's message on failure.
import { build } from 'esbuild';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_URL_BANNER, sourceUrlPlugin } from './bundle/sourceUrl.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const OUT_DIR = option('outdir') ? resolve(option('outdir')) : join(ROOT, 'dist', 'electron');
const ONLY = option('only')?.split(',');
const quiet = process.argv.includes('--quiet');

// Native or self-locating packages stay in node_modules (they find their .node / .wasm files
// relative to their own folder, which bundling would break).
const NODE_EXTERNALS = ['electron', '@tensorflow/*'];

const common = {
  bundle: true,
  format: 'cjs',
  target: 'node22',
  // import() of an external (tfjs-core and -layers, the wasm backend) would go through Node's ESM
  // loader, whose asar support in Electron has regressed more than once; require() always reads
  // from app.asar. Lowering it keeps every run-time load on the CommonJS path.
  supported: { 'dynamic-import': false },
  sourcemap: 'linked',
  logLevel: quiet ? 'error' : 'warning',
  absWorkingDir: ROOT,
};

const allTargets = [
  {
    name: 'main',
    entryPoints: ['electron/main.ts'],
    outfile: join(OUT_DIR, 'main.cjs'),
    platform: 'node',
    external: NODE_EXTERNALS,
  },
  {
    name: 'trainer',
    entryPoints: ['electron/trainer.ts'],
    outfile: join(OUT_DIR, 'trainer.cjs'),
    platform: 'node',
    external: NODE_EXTERNALS,
  },
  // Sandboxed preloads get a tiny require that knows only 'electron' (and a few polyfills): bundle all.
  {
    name: 'preload',
    entryPoints: ['electron/preload.ts'],
    outfile: join(OUT_DIR, 'preload.cjs'),
    platform: 'browser',
    external: ['electron'],
  },
];
const targets = allTargets.filter((target) => !ONLY || ONLY.includes(target.name));

try {
  await Promise.all(
    targets.map(({ name: _name, ...target }) =>
      build({
        ...common,
        ...target,
        plugins: target.platform === 'node' ? [sourceUrlPlugin(ROOT)] : [],
        banner: target.platform === 'node' ? { js: SOURCE_URL_BANNER } : {},
      }),
    ),
  );
  if (!quiet)
    console.log(`Electron bundles written to ${relative(process.cwd(), OUT_DIR) || '.'}/`);
} catch (error) {
  // esbuild has already printed the located errors; one line of summary, no stack.
  console.error(
    `build-electron: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  );
  process.exit(1);
}
