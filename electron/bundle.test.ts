/**
 * The bundled shell, started for real in plain Node with a fake `electron` module: proves that
 * dist/electron/main.cjs starts from an app folder laid out like the packaged one (bundles in
 * dist/electron, renderer in dist/renderer, assets beside them), wires every channel, and answers
 * API calls through the bundled engine — and that trainer.cjs answers its parent.
 */
import { fork, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS, TRAINING_EVENT_CHANNEL } from '../main/api/contract.ts';
import type { NetworkAnalysis, NetworkDoc } from '../main/network/types.ts';
import { DESKTOP_CHANNELS } from './desktopBridge.ts';
import type { IpcResult } from './ipc/ipcResult.ts';
import { createFakeElectron } from './testing/fakeElectron.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A temporary app folder shaped like the packaged app.asar. */
function makeAppFolder(): string {
  const app = mkdtempSync(join(tmpdir(), 'netd-app-'));
  mkdirSync(join(app, 'dist', 'renderer'), { recursive: true });
  writeFileSync(
    join(app, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>NetDesigner</title>',
  );
  copyFileSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  symlinkSync(join(ROOT, 'assets'), join(app, 'assets'));
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts', 'build-electron.mjs'),
      '--quiet',
      `--outdir=${join(app, 'dist', 'electron')}`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`build-electron failed:\n${build.stderr}`);
  return app;
}

type LoadFn = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: LoadFn };

describe('bundled main process', () => {
  const fake = createFakeElectron();
  const originalLoad = moduleInternals._load;
  const originalHome = process.env.NETD_HOME;
  let appDir = '';

  beforeAll(async () => {
    appDir = makeAppFolder();
    process.env.NETD_HOME = mkdtempSync(join(tmpdir(), 'netd-home-'));
    moduleInternals._load = function (request, parent, isMain) {
      return request === 'electron'
        ? fake.electron
        : originalLoad.call(this, request, parent, isMain);
    };
    Module.createRequire(import.meta.url)(join(appDir, 'dist', 'electron', 'main.cjs'));
    await vi.waitFor(() => expect(fake.windows()).toHaveLength(1), { timeout: 20_000 });
  }, 120_000);

  afterAll(() => {
    moduleInternals._load = originalLoad;
    if (originalHome === undefined) delete process.env.NETD_HOME;
    else process.env.NETD_HOME = originalHome;
  });

  const trusted = () => ({
    sender: fake.windows()[0]!.webContents,
    senderFrame: { url: 'app://netdesigner/index.html', parent: null },
  });
  const call = async (channel: string, payload?: unknown): Promise<IpcResult> => {
    const handler = fake.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return (await handler(trusted(), payload)) as IpcResult;
  };

  it('starts without an error and opens one secure window on the app page', () => {
    expect(fake.errors).toEqual([]);
    const win = fake.windows()[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: join(appDir, 'dist', 'electron', 'preload.cjs'),
    });
    expect(win.webContents.url).toBe('app://netdesigner/index.html');
    expect(win.webContents.windowOpenHandler).not.toBeNull();
  });

  it('registers every API and desktop channel', () => {
    const invokable = [
      ...Object.values(API_CHANNELS),
      DESKTOP_CHANNELS.showOpenDialog,
      DESKTOP_CHANNELS.showSaveDialog,
    ];
    expect([...fake.handlers.keys()].sort()).toEqual(invokable.sort());
    expect([...fake.listeners.keys()].sort()).toEqual(
      [DESKTOP_CHANNELS.setDirty, DESKTOP_CHANNELS.setTitle].sort(),
    );
  });

  it('serves the renderer over app:// with the CSP', async () => {
    const response = await fake.protocolHandler()!(new Request('app://netdesigner/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers the first-start example from the shipped assets', async () => {
    const outcome = await call(API_CHANNELS.networkExample);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect((outcome.result as NetworkDoc).name).toMatch(/First network/);
    const info = await call(API_CHANNELS.hostInfo);
    expect(info).toMatchObject({ ok: true, result: { kind: 'desktop', version: '0.0.0-test' } });
  });

  it('loads ResNet-50 and counts 25,557,032 trainable parameters in the main process', async () => {
    const loaded = await call(API_CHANNELS.templatesLoad, { id: 'resnet50' });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const { doc } = loaded.result as { doc: NetworkDoc };
    const analysis = await call(API_CHANNELS.networkAnalyze, { doc });
    expect(analysis.ok).toBe(true);
    if (analysis.ok)
      expect((analysis.result as NetworkAnalysis).totals.trainableParams).toBe(25_557_032);
  });

  it('rejects a malformed payload and a foreign sender with clear messages', async () => {
    const bad = await call(API_CHANNELS.filesOpen, { file: '/etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const handler = fake.handlers.get(API_CHANNELS.filesRecent)!;
    const foreign = (await handler({ sender: {}, senderFrame: null }, {})) as IpcResult;
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sends menu clicks to the renderer as menu commands', () => {
    const file = (
      fake.menu() as { label?: string; submenu?: { label?: string; click?: () => void }[] }[]
    ).find((m) => m.label === '&File')!;
    file.submenu!.find((i) => i.label === '&New')!.click!();
    const sent = fake.windows()[0]!.webContents.sent;
    expect(sent).toContainEqual({
      channel: DESKTOP_CHANNELS.menuCommand,
      payload: { command: 'file.new' },
    });
    expect(sent.every((m) => m.channel !== TRAINING_EVENT_CHANNEL)).toBe(true);
  });

  it('asks before closing when the page title shows unsaved changes, and Cancel keeps it open', async () => {
    const win = fake.windows()[0]!;
    win.emit('page-title-updated', { preventDefault() {} }, '• Tiny — NetDesigner');
    expect(win.documentEdited).toBe(true);
    win.close();
    await vi.waitFor(() => expect(fake.questions).toHaveLength(1));
    expect(fake.questions[0]).toEqual({
      message: 'Do you want to save the changes to “Tiny”?',
      buttons: ['Save', "Don't Save", 'Cancel'],
    });
    expect(win.closed).toBe(false);
  });

  it('applies the title and dirty state the renderer reports', () => {
    fake.listeners.get(DESKTOP_CHANNELS.setTitle)!(trusted(), { title: '• Tiny — NetDesigner' });
    fake.listeners.get(DESKTOP_CHANNELS.setDirty)!(trusted(), { isDirty: true });
    expect(fake.windows()[0]!.title).toBe('• Tiny — NetDesigner');
    expect(fake.windows()[0]!.documentEdited).toBe(true);
  });

  it('trainer.cjs answers an environment request from its parent', async () => {
    const child = fork(join(appDir, 'dist', 'electron', 'trainer.cjs'), [], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const messages: { type: string; report?: { backends: unknown[] } }[] = [];
    child.on('message', (m) => messages.push(m as { type: string }));
    child.send({ type: 'environment' });
    try {
      await vi.waitFor(() => expect(messages.map((m) => m.type)).toContain('environment'), {
        timeout: 60_000,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\ntrainer stderr:\n${stderr}`);
    } finally {
      child.kill();
    }
    expect(messages[0]).toMatchObject({ type: 'ready' });
    expect(messages.find((m) => m.type === 'environment')!.report!.backends.length).toBeGreaterThan(
      0,
    );
  }, 90_000);
});
