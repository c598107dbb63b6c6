/**
 * The npm scripts of the desktop shell, run as child processes the way a user runs them:
 * `npm start` without an Electron binary, and the esbuild bundle of the sandboxed preload.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_CHANNELS } from '../../main/api/contract.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const electronInstalled = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));

function runStart(env: Record<string, string>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  if (!('ELECTRON_OVERRIDE_DIST_PATH' in env)) delete childEnv.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: childEnv,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

function expectHelpfulMissingBinaryMessage(result: ReturnType<typeof runStart>): void {
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('npx install-electron');
  expect(result.stderr).toContain('ELECTRON_MIRROR=');
  expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=');
  expect(result.stderr).toContain('npm run serve');
  // A message, not a crash: no stack frames, no download attempt.
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.stdout + result.stderr).not.toContain('Downloading Electron');
}

describe('npm start without an Electron binary', () => {
  it('explains how to get the binary when ELECTRON_OVERRIDE_DIST_PATH points nowhere', () => {
    const empty = mkdtempSync(join(tmpdir(), 'netd-no-electron-'));
    const result = runStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expectHelpfulMissingBinaryMessage(result);
    expect(result.stderr).toContain(
      `ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron binary at ${empty}`,
    );
  });

  it.skipIf(electronInstalled)(
    'explains how to get the binary when node_modules/electron has none (skipped where Electron is installed)',
    () => {
      const result = runStart({});
      expectHelpfulMissingBinaryMessage(result);
      expect(result.stderr).toMatch(/the Electron \d+\.\d+\.\d+ binary is not installed/);
    },
  );
});

describe('preload bundle', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'netd-preload-'));
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts', 'build-electron.mjs'),
      '--only=preload',
      `--outdir=${outDir}`,
      '--quiet',
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );

  it('builds', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it("requires nothing but 'electron', as a sandboxed preload must", () => {
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    const required = [...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('exposes the three bridges when run with only electron available', () => {
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    const exposed: Record<string, Record<string, unknown>> = {};
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api),
      },
      ipcRenderer: {
        invoke: async () => ({ ok: true, result: null }),
        send: () => undefined,
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`module not found: ${id}`);
      return electron;
    };
    runInNewContext(code, { require: sandboxRequire, module: { exports: {} }, exports: {} });
    expect(Object.keys(exposed).sort()).toEqual(['netd', 'netdDesktop', 'netdDialogs']);
    expect(Object.keys(exposed.netd!).sort()).toEqual(
      [...Object.keys(API_CHANNELS), 'onTrainingEvent'].sort(),
    );
  });
});
