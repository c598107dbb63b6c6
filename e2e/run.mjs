#!/usr/bin/env node
// `npm run e2e` (and the last step of `npm test`): Playwright against Debian's Chromium.
// Extra arguments go to `playwright test` (e.g. `npm run e2e -- smoke.spec.ts`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.NETD_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `e2e: Chromium not found at ${chromium}.\n` +
      'Install it (Debian/Ubuntu: sudo apt-get install chromium; .ci/run does this) or point\n' +
      'NETD_CHROMIUM at a Chromium binary. Playwright never downloads a browser here.',
  );
  process.exit(1);
}

const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NETD_CHROMIUM: chromium },
});
if (result.error) {
  console.error(`e2e: cannot run Playwright: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
