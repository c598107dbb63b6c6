#!/usr/bin/env node
// Bundles `netd` and its trainer process into dist/cli/ (see scripts/bundle/cli.mjs).
// Usage: node scripts/build-cli.mjs [--quiet]. Exit 1 with esbuild's message on failure.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli, CLI_DIR } from './bundle/cli.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
try {
  await buildCli(ROOT, { quiet });
  if (!quiet) console.log(`CLI bundles written to ${CLI_DIR}/`);
} catch (error) {
  console.error(
    `build-cli: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  );
  process.exit(1);
}
