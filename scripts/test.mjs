#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first failure with its name.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['type-check (node)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['type-check (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  // bin/netd.mjs would build it on first use too; building here keeps that out of the CLI tests.
  ['build CLI', 'node', ['scripts/build-cli.mjs', '--quiet']],
  ['unit tests', 'npx', ['vitest', 'run']],
];
if (existsSync('e2e/run.mjs') && process.env.NETD_SKIP_E2E !== '1') {
  steps.push(['build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']]);
  steps.push(['e2e (Chromium)', 'node', ['e2e/run.mjs']]);
}

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (${seconds}s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}
console.log('\nAll checks passed.');
