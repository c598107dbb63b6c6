/**
 * The desktop app end to end: Playwright's `_electron` launches the real Electron build, opens a
 * template and reads the totals computed by the main process over IPC. Runs wherever an Electron
 * binary exists (under `xvfb-run` on a headless Linux box); elsewhere it is reported as SKIPPED
 * with the reason — never as passed.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCount, waitForAnalysis } from './helpers/app.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The Electron executable the way node_modules/electron finds it, without triggering a download. */
function electronBinary(): string | null {
  const pkgDir = join(ROOT, 'node_modules', 'electron');
  const pathTxt = join(pkgDir, 'path.txt');
  const exe = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, exe)
    : existsSync(pathTxt)
      ? join(pkgDir, 'dist', exe)
      : null;
  return binary && existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

test.describe('desktop app (Electron)', () => {
  test.skip(
    !binary,
    'no Electron binary: run `npx install-electron` (or set ELECTRON_OVERRIDE_DIST_PATH) to run this test',
  );
  test.skip(!hasDisplay, 'no display: run under `xvfb-run npm run e2e -- electron.spec.ts`');

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'build-electron.mjs'), '--quiet'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(build.status, build.stderr).toBe(0);
    app = await electron.launch({
      executablePath: binary!,
      // Chromium refuses to start as root with its sandbox on (CI containers); only there, and
      // only for this test, run without the OS-level sandbox (renderers stay Node-free).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
      cwd: ROOT,
      env: { ...process.env, NETD_HOME: mkdtempSync(join(tmpdir(), 'netd-electron-e2e-')) },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens on the first-start example, served from app:// with the preload bridges only', async () => {
    await waitForAnalysis(page);
    expect(page.url()).toBe('app://netdesigner/index.html');
    const globals = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      return {
        netd: Object.keys((w.netd as object | undefined) ?? {}).length,
        desktop: typeof w.netdDesktop,
        node: typeof w.require + typeof w.process,
      };
    });
    expect(globals).toEqual({
      netd: expect.any(Number),
      desktop: 'object',
      node: 'undefinedundefined',
    });
    expect(globals.netd).toBeGreaterThan(20);
  });

  test('loads ResNet-50 from the template gallery and shows its totals', async () => {
    await page.getByTestId('cmd-templates').click();
    await page.getByTestId('template-resnet50').click();
    await waitForAnalysis(page);
    await expect(page.getByTestId('total-trainable-params')).toHaveText(
      /25[,.\s\u2009\u202f]?557[,.\s\u2009\u202f]?032/,
    );
    expect(parseCount(await page.getByTestId('total-trainable-params').textContent())).toBe(
      25_557_032,
    );
  });

  test('keeps the window on the app and hands web links to the system browser', async () => {
    // Record what would go to the system browser instead of opening one.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { opened: string[] }).opened = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href =
        'https://example.org/';
    });
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened))
      .toEqual(['https://example.org/']);
    expect(page.url()).toBe('app://netdesigner/index.html');
    await expect(page.getByTestId('total-trainable-params')).toBeVisible();
  });
});
