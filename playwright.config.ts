/**
 * Playwright e2e: drives the real renderer in Debian's Chromium against `npm run serve` (one
 * server per worker, started with `--port 0` and a fresh temp NETD_HOME; see e2e/helpers/test.ts).
 * No browser download: CI installs the `chromium` package.
 */
import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.NETD_CHROMIUM ?? '/usr/bin/chromium';
const workers = Number(process.env.NETD_E2E_WORKERS ?? '1');

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/helpers/globalSetup.ts',
  fullyParallel: false,
  workers: Number.isInteger(workers) && workers >= 1 && workers <= 2 ? workers : 1,
  retries: 0,
  reporter: [['list'], ['./e2e/reporters/skipReasons.ts']],
  // Generous limits: they only decide how long a broken state is waited for before failing. Every
  // step waits for a state, and on a busy 2-core machine (CI, or another job beside the suite)
  // starting a trainer or a dev server can take many seconds.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
