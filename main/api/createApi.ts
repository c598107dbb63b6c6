/**
 * Builds the `NetdApi` both hosts serve. Everything host-specific comes in through `ApiDeps`, so
 * the Electron shell, the web server and the tests create the same API with different folders.
 */
import { readFileSync } from 'node:fs';
import { platform } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRecentFilesStore, createRecoveryStore, dataPaths } from '../settings/index.ts';
import type { NetdApi } from './contract.ts';
import { createCompareApi } from './compareApi.ts';
import { createDesignApi } from './designApi.ts';
import { createExportApi } from './exportApi.ts';
import { createAdaptWithWeights } from './adaptWeightsApi.ts';
import { createFilesApi } from './filesApi.ts';
import { resolveUserPath } from './paths.ts';
import { createTrainingApi, type ApiTrainingService } from './trainingApi.ts';

export type { ApiTrainingService } from './trainingApi.ts';

export interface ApiDeps {
  host: 'desktop' | 'web';
  /** Where files are read and written by default (relative paths resolve against it). */
  homeDir: string;
  /** The app data dir (NETD_HOME, default ~/.netdesigner): recent files, recovery, runs. */
  dataDir: string;
  /** The training service; without it every training call rejects with a clear message. */
  training?: ApiTrainingService;
  /** App version for `hostInfo` (default: read from package.json). */
  version?: string;
  /** The first-start example network (default: assets/examples/first-start.netd.json). */
  examplePath?: string;
}

const REPO_ROOT = new URL('../../', import.meta.url);

/** The API for one host. Requests must already be validated (see `dispatchApiCall`). */
export function createApi(deps: ApiDeps): NetdApi {
  const paths = dataPaths(deps.dataDir);
  const version = deps.version ?? packageVersion();
  const examplePath =
    deps.examplePath ?? fileURLToPath(new URL('assets/examples/first-start.netd.json', REPO_ROOT));
  const design = createDesignApi(examplePath);
  return {
    hostInfo: async () => ({
      kind: deps.host,
      version,
      platform: platform(),
      homeDir: deps.homeDir,
    }),
    ...design,
    networkAdapt: createAdaptWithWeights(
      design.networkAdapt,
      (path) => resolveUserPath(path, deps.homeDir),
      join(deps.dataDir, 'adapted-weights'),
    ),
    ...createCompareApi(),
    ...createFilesApi({
      homeDir: deps.homeDir,
      recent: createRecentFilesStore(paths.recentFiles),
      recovery: createRecoveryStore(paths.recovery),
    }),
    ...createTrainingApi(deps.training, (path) => resolveUserPath(path, deps.homeDir)),
    ...createExportApi({
      resolvePath: (path) => resolveUserPath(path, deps.homeDir),
      runsDir: paths.runs,
    }),
  };
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('package.json', REPO_ROOT), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
