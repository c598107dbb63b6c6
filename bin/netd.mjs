#!/usr/bin/env node
// Runs `netd` from its esbuild bundle (dist/cli/netd.cjs): no TypeScript compiled at start-up.
// In a source checkout the bundle is (re)built on first use and after a source change; if that
// fails (a half-edited file), the sources run through tsx so the error shows where it is.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/cli/netd.cjs', import.meta.url));
const checkout = existsSync(
  fileURLToPath(new URL('../scripts/bundle/cliBundlePaths.mjs', import.meta.url)),
);

let fresh = !checkout && existsSync(bundle);
if (checkout && process.env.NETD_NO_BUNDLE !== '1') {
  const { ensureCliBundle } = await import('../scripts/bundle/cliBundlePaths.mjs');
  fresh = await ensureCliBundle(root);
}

let main;
if (fresh) {
  ({ main } = loadWithCodeCache(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));

/**
 * Requires a CommonJS bundle through V8's code cache (`<bundle>.cache`, written after the first
 * run): compiling the 1.4 MB bundle is most of a start-up otherwise. Node 20 has no
 * module.enableCompileCache, so this is that, for one file.
 */
function loadWithCodeCache(file) {
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only install runs without the cache.
    }
  }
  return module.exports;
}
