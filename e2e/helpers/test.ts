/**
 * The e2e `test` every spec imports: Playwright's test plus
 * - `appServer`: a web host for this worker (started once, `--port 0`, temp NETD_HOME), with the
 *   recovery file, recent files and the home folder reset before each test so tests stay independent;
 * - `appUrl`: the URL it printed (with the token);
 * - a check that the page threw no uncaught exception during the test.
 *
 * Usage: `import { test, expect } from './helpers/test.ts';`
 */
import { test as base, expect } from '@playwright/test';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dataPaths } from '../../main/settings/dataDir.ts';
import { startAppServer, type AppServer } from './server.ts';

export { expect };
export type { AppServer };

interface TestFixtures {
  appServer: AppServer;
  appUrl: string;
}
interface WorkerFixtures {
  workerServer: AppServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  workerServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring form
    async ({}, use) => {
      const server = await startAppServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  appServer: async ({ workerServer }, use) => {
    await resetAppState(workerServer);
    await use(workerServer);
  },
  appUrl: async ({ appServer }, use) => {
    await use(appServer.url);
  },
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
    await use(page);
    expect(errors, 'uncaught exceptions in the page').toEqual([]);
  },
});

/** Forgets what earlier tests left: the crash-recovery file, recent files and saved files. */
async function resetAppState(server: AppServer): Promise<void> {
  const paths = dataPaths(server.dataDir);
  await rm(paths.recovery, { force: true });
  await rm(paths.recentFiles, { force: true });
  for (const name of await readdir(server.homeDir).catch(() => [])) {
    await rm(join(server.homeDir, name), { recursive: true, force: true });
  }
  await mkdir(server.homeDir, { recursive: true });
}
