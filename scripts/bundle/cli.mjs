// Builds `netd` and its trainer process once with esbuild into dist/cli/, so the CLI starts without
// compiling TypeScript at run time (tsx stays for development). bin/netd.mjs builds through
// `ensureCliBundle` (cliBundlePaths.mjs) on first use and after a source change.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI_BUNDLE, TRAINER_BUNDLE } from './cliBundlePaths.mjs';
import { SOURCE_URL_BANNER, sourceUrlPlugin } from './sourceUrl.mjs';

export { CLI_DIR } from './cliBundlePaths.mjs';

/**
 * Bundles the CLI (main/cli/main.ts) and the trainer process (main/training/process/trainerEntry.ts).
 * Each file is written under a temporary name and renamed, so a `netd` started while another one
 * builds never loads half a bundle.
 *
 * @throws esbuild's error when the sources do not build
 */
export async function buildCli(root, { quiet = true } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Native or self-locating packages stay in node_modules (they find their .node / .wasm files
    // relative to their own folder, which bundling would break).
    external: ['@tensorflow/*'],
    // import() of an external becomes require(): bin/netd.mjs runs the bundle from V8's code cache
    // through node:vm, where import() has no loader (and tfjs is CommonJS anyway).
    supported: { 'dynamic-import': false },
    // The trainer process the CLI forks is the trainer bundle beside it (see forkTrainer.ts).
    define: { __NETD_TRAINER_BUNDLE__: '__netdTrainerBundle' },
    banner: {
      js: `${SOURCE_URL_BANNER}\nconst __netdTrainerBundle = require("node:path").join(__dirname, "trainer.cjs");`,
    },
    plugins: [sourceUrlPlugin(root)],
    logLevel: quiet ? 'silent' : 'warning',
    write: false,
  };
  const results = await Promise.all([
    build({ ...common, entryPoints: ['main/cli/main.ts'], outfile: join(root, CLI_BUNDLE) }),
    build({
      ...common,
      entryPoints: ['main/training/process/trainerEntry.ts'],
      outfile: join(root, TRAINER_BUNDLE),
    }),
  ]);
  for (const file of results.flatMap((r) => r.outputFiles)) {
    mkdirSync(dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
}
