#!/usr/bin/env node
// Runs `netd` from its esbuild bundle (dist/cli/netd.cjs): no TypeScript compiled at start-up.
// In a source checkout the bundle is (re)built on first use and after a source change; if that
// fails (a half-edited file), the sources run through tsx so the error shows where it is.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  ({ main } = createRequire(import.meta.url)(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
