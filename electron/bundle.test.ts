/**
 * The bundled shell, started for real in plain Node with a fake `electron` module: proves that
 * dist/electron/main.cjs starts from an app folder laid out like the packaged one (bundles in
 * dist/electron, renderer in dist/renderer, assets beside them), wires every channel, and answers
 * API calls through the bundled engine — and that trainer.cjs answers its parent.
 */
import { fork, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import Module, { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS, TRAINING_EVENT_CHANNEL } from '../main/api/contract.ts';
import type { NetworkAnalysis, NetworkDoc } from '../main/network/types.ts';
import { DESKTOP_CHANNELS } from './desktopBridge.ts';
import type { IpcResult } from './ipc/ipcResult.ts';
import { createFakeElectron } from './testing/fakeElectron.ts';
import { forkedStandIns } from './testing/forkUtilityStandIn.ts';
import type { TrainingEvent } from '../main/training/types.ts';

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
  const answersWhileLoading: IpcResult[] = [];

  beforeAll(async () => {
    // NETD_BUNDLE_APP_DIR: run against an existing app folder instead, e.g. a packaged app.asar
    // extracted with `npx asar extract` (see docs/desktop.md), to check what really ships.
    appDir = process.env.NETD_BUNDLE_APP_DIR || makeAppFolder();
    process.env.NETD_HOME = mkdtempSync(join(tmpdir(), 'netd-home-'));
    // "The page" asks for the host info while it is still loading, as the renderer does on start.
    fake.setOnLoading(async (win) => {
      const handler = fake.handlers.get(API_CHANNELS.hostInfo)!;
      answersWhileLoading.push(
        (await handler(
          { sender: win.webContents, senderFrame: { url: win.webContents.url, parent: null } },
          {},
        )) as IpcResult,
      );
    });
    moduleInternals._load = function (request, parent, isMain) {
      return request === 'electron'
        ? fake.electron
        : originalLoad.call(this, request, parent, isMain);
    };
    Module.createRequire(import.meta.url)(join(appDir, 'dist', 'electron', 'main.cjs'));
    await vi.waitFor(() => expect(fake.windows()).toHaveLength(1), { timeout: 20_000 });
  }, 120_000);

  afterAll(() => {
    // A failed test must not leave trainer processes behind.
    for (const p of forkedStandIns) if (!p.exited && p.pid) process.kill(p.pid);
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

  it('answers the API while the page is still loading', () => {
    expect(answersWhileLoading).toHaveLength(1);
    expect(answersWhileLoading[0]).toMatchObject({ ok: true, result: { kind: 'desktop' } });
  });

  it('bundles everything but Node built-ins, electron and the optional/self-locating tfjs packages', () => {
    const allowed = (id: string, electronOk: boolean) =>
      builtinModules.includes(id.replace(/^node:/, '')) ||
      id.startsWith('@tensorflow/') ||
      (electronOk && id === 'electron');
    for (const [bundle, electronOk] of [
      ['main.cjs', true],
      ['trainer.cjs', false],
    ] as const) {
      const code = readFileSync(join(appDir, 'dist', 'electron', bundle), 'utf8');
      const required = [...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
      expect(
        required.filter((id) => !allowed(id, electronOk)),
        bundle,
      ).toEqual([]);
      // import() would take Node's ESM loader, whose asar support has regressed in Electron.
      expect(code, bundle).not.toMatch(/\bimport\(\s*["']/);
    }
  });

  it('registers every API and desktop channel', () => {
    const invokable = [
      ...Object.values(API_CHANNELS),
      DESKTOP_CHANNELS.showOpenDialog,
      DESKTOP_CHANNELS.showSaveDialog,
      DESKTOP_CHANNELS.showFolderDialog,
      DESKTOP_CHANNELS.showExportDialog,
      DESKTOP_CHANNELS.showImportDialog,
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
    // The compact reply the designer uses: whole first, then only what an edit changed.
    const first = await call(API_CHANNELS.networkAnalyzeUpdate, { doc });
    expect(first).toMatchObject({ ok: true, result: { kind: 'full' } });
    if (!first.ok) return;
    const since = (first.result as { version: number }).version;
    const fc = doc.nodes.find((n) => n.type === 'Dense')!;
    const edited = {
      ...doc,
      nodes: doc.nodes.map((n) => (n === fc ? { ...n, params: { ...n.params, units: 10 } } : n)),
    };
    const delta = await call(API_CHANNELS.networkAnalyzeUpdate, { doc: edited, since });
    expect(delta).toMatchObject({ ok: true, result: { kind: 'delta', base: since } });
    if (delta.ok) expect(Object.keys((delta.result as { nodes: object }).nodes)).toEqual([fc.id]);
  });

  it('rejects a malformed payload and a foreign sender with clear messages', async () => {
    const bad = await call(API_CHANNELS.filesOpen, { file: '/etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const handler = fake.handlers.get(API_CHANNELS.filesRecent)!;
    const foreign = (await handler({ sender: {}, senderFrame: null }, {})) as IpcResult;
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('writes an exported model only into the folder chosen in the native dialog', async () => {
    const chosen = mkdtempSync(join(tmpdir(), 'netd-export-'));
    const other = mkdtempSync(join(tmpdir(), 'netd-other-'));
    // Before any dialog, and for any folder the page names itself: refused, nothing written.
    const injected = await call(API_CHANNELS.runsExportModel, { runId: 'no-such-run', dir: other });
    expect(injected).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    fake.setDialogAnswer(chosen);
    expect(
      await call(DESKTOP_CHANNELS.showFolderDialog, { title: 'Export the model to…' }),
    ).toEqual({ ok: true, result: chosen });
    // The chosen folder passes the guard: what answers now is the run store (no such run).
    const allowed = await call(API_CHANNELS.runsExportModel, { runId: 'no-such-run', dir: chosen });
    expect(allowed.ok).toBe(false);
    if (!allowed.ok) expect(allowed.error.code).not.toBe('forbidden');
    const still = await call(API_CHANNELS.runsExportModel, { runId: 'no-such-run', dir: other });
    expect(still).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    fake.setDialogAnswer(null);
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

  const trainingEvents = (): TrainingEvent[] =>
    fake
      .windows()[0]!
      .webContents.sent.filter((m) => m.channel === TRAINING_EVENT_CHANNEL)
      .map((m) => m.payload as TrainingEvent);

  it('checks the environment through trainer.cjs in a utility process', async () => {
    const report = await call(API_CHANNELS.trainingEnvironment);
    expect(report).toMatchObject({ ok: true });
    if (report.ok) {
      const { backends } = report.result as { backends: { name: string; available: boolean }[] };
      expect(backends.find((b) => b.name === 'wasm')).toMatchObject({ available: true });
    }
  }, 60_000);

  it('trains the first-start example in the utility process and streams its events to the window', async () => {
    const example = await call(API_CHANNELS.networkExample);
    if (!example.ok) throw new Error(example.error.message);
    const started = await call(API_CHANNELS.trainingStart, {
      doc: example.result,
      data: 'synthetic',
      options: { epochs: 1, batchSize: 16, limit: 48, testLimit: 16, validationSplit: 0.25 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const { runId } = started.result as { runId: string };
    await vi.waitFor(() => expect(trainingEvents().map((e) => e.event)).toContain('done'), {
      timeout: 90_000,
      interval: 200,
    });
    const events = trainingEvents().filter((e) => e.runId === runId);
    expect(events[0]).toMatchObject({ event: 'started', backend: 'wasm' });
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['batch', 'epoch', 'done']));
    const runs = await call(API_CHANNELS.runsList);
    expect(runs.ok && (runs.result as { runId: string; status: string }[])).toEqual(
      expect.arrayContaining([expect.objectContaining({ runId, status: 'done' })]),
    );
    // After 'done' the service tells the trainer to shut down: no process is left behind.
    await vi.waitFor(() => expect(forkedStandIns.every((p) => p.exited)).toBe(true), {
      timeout: 10_000,
    });
  }, 120_000);

  it('reports a trainer that dies mid-run (a native crash) as a failed run, not a hang', async () => {
    const example = await call(API_CHANNELS.networkExample);
    if (!example.ok) throw new Error(example.error.message);
    const started = await call(API_CHANNELS.trainingStart, {
      doc: example.result,
      data: 'synthetic',
      options: { epochs: 500, batchSize: 8, limit: 32, testLimit: 8, validationSplit: 0.25 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const { runId } = started.result as { runId: string };
    const ofRun = () => trainingEvents().filter((e) => e.runId === runId);
    await vi.waitFor(() => expect(ofRun().map((e) => e.event)).toContain('batch'), {
      timeout: 60_000,
    });
    const trainer = forkedStandIns.find((p) => !p.exited)!;
    process.kill(trainer.pid!, 'SIGKILL');
    await vi.waitFor(() => expect(ofRun().map((e) => e.event)).toContain('failed'), {
      timeout: 20_000,
    });
    expect(ofRun().find((e) => e.event === 'failed')).toMatchObject({
      message: expect.stringMatching(/training process crashed/),
    });
    const runs = await call(API_CHANNELS.runsList);
    expect(runs.ok && (runs.result as { runId: string; status: string }[])).toEqual(
      expect.arrayContaining([expect.objectContaining({ runId, status: 'failed' })]),
    );
  }, 90_000);

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
  it('opens the file a second launch was given, resolved against its working directory', () => {
    const win = fake.windows()[0]!;
    fake.electron.app.emit(
      'second-instance',
      {},
      ['/opt/NetDesigner/netdesigner', '--enable-features=X', 'nets/vgg.netd.json'],
      '/home/me',
    );
    expect(win.webContents.sent).toContainEqual({
      channel: DESKTOP_CHANNELS.menuCommand,
      payload: { command: 'file.openPath', path: '/home/me/nets/vgg.netd.json' },
    });
  });

  // Shuts training down: only window tests may follow.
  it('on quit, ends a running trainer and records its run as interrupted', async () => {
    const example = await call(API_CHANNELS.networkExample);
    if (!example.ok) throw new Error(example.error.message);
    const started = await call(API_CHANNELS.trainingStart, {
      doc: example.result,
      data: 'synthetic',
      options: { epochs: 500, batchSize: 8, limit: 32, testLimit: 8, validationSplit: 0.25 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const { runId } = started.result as { runId: string };
    await vi.waitFor(
      () =>
        expect(trainingEvents().some((e) => e.runId === runId && e.event === 'batch')).toBe(true),
      { timeout: 60_000 },
    );
    let prevented = false;
    fake.electron.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(forkedStandIns.every((p) => p.exited)).toBe(true), {
      timeout: 10_000,
    });
    const runs = await call(API_CHANNELS.runsList);
    expect(runs.ok && (runs.result as { runId: string; status: string }[])).toEqual(
      expect.arrayContaining([expect.objectContaining({ runId, status: 'interrupted' })]),
    );
  }, 90_000);

  // Last: it closes the first window.
  it('opens a file from the OS in a new window once that window has loaded (macOS, no window open)', async () => {
    const first = fake.windows()[0]!;
    first.emit('closed');
    fake.electron.app.emit('open-file', { preventDefault() {} }, '/home/me/net.netd.json');
    await vi.waitFor(() => expect(fake.windows()).toHaveLength(2));
    const second = fake.windows()[1]!;
    await vi.waitFor(() =>
      expect(second.webContents.sent).toContainEqual({
        channel: DESKTOP_CHANNELS.menuCommand,
        payload: { command: 'file.openPath', path: '/home/me/net.netd.json' },
      }),
    );
    expect(first.webContents.sent).not.toContainEqual({
      channel: DESKTOP_CHANNELS.menuCommand,
      payload: { command: 'file.openPath', path: '/home/me/net.netd.json' },
    });
  });
});
