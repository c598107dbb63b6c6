/**
 * The module boundaries of eslint.config.js, tested with snippets that must fail (and their
 * allowed counterparts, so a rule that refuses everything fails too). Linted as if they were
 * files at the given paths, through ESLint's own API with the project's config.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The boundary rules' messages for `code` linted as the file `path` (other rules ignored). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages
    .filter((m) =>
      ['no-restricted-imports', 'no-restricted-globals', 'netd/value-imports'].includes(
        m.ruleId ?? '',
      ),
    )
    .map((m) => m.message);
}

describe('lint boundaries refuse', () => {
  it.each([
    ['main/network/x.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('a');", /pure/],
    ['main/network/x.ts', "import { readFileSync } from 'fs';\nreadFileSync('a');", /pure/],
    [
      'main/network/x.ts',
      "import { createApi } from '../api/createApi.ts';\ncreateApi();",
      /must not import the host/,
    ],
    [
      'main/network/catalog/x.ts',
      "import { analyzeNetwork } from '../analyze.ts';\nanalyzeNetwork();",
      /pure module .* not main\/network\/analyze\.ts/,
    ],
    [
      'main/training/vocabulary.ts',
      "import { z } from 'zod';\nimport { x } from './trainer/options.ts';\nz.string(x);",
      /not main\/training\/trainer\/options\.ts/,
    ],
    ['main/network/graph.ts', "import os from 'node:os';\nos.cpus();", /zod, not node:os/],
    [
      'electron/x.ts',
      "import { App } from '../renderer/app/App.tsx';\nApp();",
      /must not import renderer/,
    ],
    [
      'electron/x.ts',
      "import type { Api } from '../renderer/api/client.ts';\nexport type A = Api;",
      /must not import renderer/,
    ],
    ['renderer/x.ts', "import os from 'os';\nos.cpus();", /must not use Node/],
    ['renderer/x.ts', "import { randomUUID } from 'crypto';\nrandomUUID();", /must not use Node/],
    ['renderer/x.ts', "import http from 'node:http';\nhttp.get('x');", /must not use Node/],
    ['renderer/x.ts', "import { app } from 'electron';\napp.quit();", /must not use Node/],
    [
      'renderer/x.ts',
      "import { analyzeNetwork } from '../main/network/analyze.ts';\nanalyzeNetwork();",
      /values only from the pure modules/,
    ],
    [
      'renderer/state/x.ts',
      "import { readNetworkFile } from '../../main/files/index.ts';\nreadNetworkFile();",
      /values only from the pure modules/,
    ],
    ['main/cli/x.ts', 'window.alert(1);', /no browser globals/],
    ['main/training/x.ts', 'document.title = "x";', /no browser globals/],
    ['electron/app/x.ts', 'localStorage.clear();', /no browser globals/],
    [
      'main/templates/x.ts',
      "import type { AdaptRequest } from '../api/contract.ts';\nexport type A = AdaptRequest;",
      /must not depend on the API/,
    ],
    [
      'main/settings/x.ts',
      "import type { RecentFile } from '../api/contract.ts';\nexport type A = RecentFile;",
      /must not depend on the API/,
    ],
  ])('%s: %s', async (path, code, message) => {
    const errors = await boundaryErrors(path, code);
    expect(errors.join('\n')).toMatch(message);
  });
});

describe('lint boundaries allow', () => {
  it.each([
    [
      'renderer/x.ts',
      "import { starterParams } from '../main/network/catalog/registry.ts';\nstarterParams('Dense');",
    ],
    [
      'renderer/x.ts',
      "import { DEFAULT_TRAINING_OPTIONS } from '../main/training/vocabulary.ts';\nexport const d = DEFAULT_TRAINING_OPTIONS;",
    ],
    [
      'renderer/x.ts',
      "import type { NetworkAnalysis } from '../main/network/types.ts';\nimport type { NetdApi } from '../main/api/contract.ts';\nexport type A = [NetworkAnalysis, NetdApi];",
    ],
    [
      'main/network/catalog/x.ts',
      "import { z } from 'zod';\nimport { fmtInt } from './format.ts';\nimport type { NetworkDoc } from '../types.ts';\nexport const s = z.string(); export type D = NetworkDoc; fmtInt(1);",
    ],
    ['main/network/x.test.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('a');"],
    ['renderer/x.ts', 'window.alert(1); document.title = "x";'],
    ['main/server/x.ts', "import http from 'node:http';\nhttp.get('x');"],
  ])('%s: %s', async (path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });
});
