import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { API_CHANNELS } from '../../main/api/contract.ts';
import type { NetdApi } from '../../main/api/contract.ts';
import { DESKTOP_CHANNELS } from '../desktopBridge.ts';
import type { IpcResult } from './ipcResult.ts';
import { registerApiHandlers } from './registerApiHandlers.ts';
import { registerDesktopHandlers } from './registerDesktopHandlers.ts';
import { createSenderCheck } from './senderGuard.ts';
import type { IpcSenderInfo } from './senderGuard.ts';
import { allowingAnswers, createWriteGuard } from './writeGuard.ts';

describe('desktop write guard', () => {
  it('lets files:save write only files chosen in a dialog or opened', () => {
    const guard = createWriteGuard();
    const save = (path: string) => guard.refusal('filesSave', { path, doc: {} });
    expect(save('/home/u/.bashrc')).toMatch(/not chosen in a Save dialog/);
    guard.allow('/home/u/nets/a.netd.json');
    expect(save('/home/u/nets/a.netd.json')).toBeNull();
    expect(save('/home/u/nets/a')).toBeNull(); // the same file once the extension is added
    expect(save('/home/u/nets/../nets/a.netd.json')).toBeNull();
    expect(save('/home/u/nets/b.netd.json')).toMatch(/Save As/);
    // Calls that do not write are not the guard's business.
    expect(guard.refusal('filesOpen', { path: '/etc/passwd' })).toBeNull();
  });

  it('lets Export model write only into a folder chosen in the folder dialog', () => {
    const guard = createWriteGuard();
    const exportTo = (dir: string) => guard.refusal('runsExportModel', { runId: 'r1', dir });
    expect(exportTo('/home/u/.config/autostart')).toMatch(/not chosen in a folder dialog/);
    guard.allowFolder('/home/u/models');
    expect(exportTo('/home/u/models')).toBeNull();
    expect(exportTo('/home/u/models/')).toBeNull();
    expect(exportTo('/home/u/x/../models')).toBeNull();
    // Only the folder itself: not one inside it, not its parent, not a relative path that the
    // host would resolve against the documents folder.
    expect(exportTo('/home/u/models/sub')).toMatch(/folder dialog/);
    expect(exportTo('/home/u')).toMatch(/folder dialog/);
    expect(exportTo('models')).toMatch(/folder dialog/);
    // A design file opened or saved is no folder to export into, and a folder no design file.
    guard.allow('/home/u/nets/a.netd.json');
    expect(exportTo('/home/u/nets')).toMatch(/folder dialog/);
    expect(guard.refusal('filesSave', { path: '/home/u/models' })).toMatch(/Save As/);
  });

  it('lets Export write only the path chosen in its Save dialog', () => {
    const guard = createWriteGuard();
    const exportTo = (out: string) =>
      guard.refusal('exportDesign', { doc: {}, designPath: null, to: 'onnx', out });
    expect(exportTo('/home/u/.bashrc')).toMatch(/export file was not chosen in a Save dialog/);
    guard.allowExport('/home/u/out/model.onnx');
    expect(exportTo('/home/u/out/model.onnx')).toBeNull();
    expect(exportTo('/home/u/out/other.onnx')).toMatch(/Save dialog/);
    expect(exportTo('model.onnx')).toMatch(/Save dialog/);
    guard.allow('relative.netd.json'); // never an answer of a dialog; ignored
    expect(guard.refusal('filesSave', { path: 'relative.netd.json' })).toMatch(/Save As/);
  });

  it('lets Import… import (and write beside) only the model chosen in the Import dialog', () => {
    const guard = createWriteGuard();
    const importing = (path: string) => guard.refusal('filesImport', { path });
    expect(importing('/home/u/.ssh/model.onnx')).toMatch(/not chosen in the Import dialog/);
    guard.allowImport('/home/u/models/r18.onnx');
    expect(importing('/home/u/models/r18.onnx')).toBeNull();
    expect(importing('/home/u/models/other.onnx')).toMatch(/File → Import…/);
    expect(importing('r18.onnx')).toMatch(/Import dialog/);
  });

  it('lets Continue from this run write a sidecar only beside a design saved or opened', () => {
    const guard = createWriteGuard();
    const cont = (path: string) => guard.refusal('runsContinue', { runId: 'r1', doc: {}, path });
    expect(cont('/home/u/nets/a.netd.json')).toMatch(/save it first/);
    guard.allow('/home/u/nets/a.netd.json');
    expect(cont('/home/u/nets/a.netd.json')).toBeNull();
  });
});

type Handler = (event: IpcSenderInfo, ...args: unknown[]) => Promise<IpcResult>;

describe('desktop IPC: a folder chosen in the native dialog is the only one Export model writes', () => {
  it('refuses an injected runs:exportModel call, and passes the one after the dialog', async () => {
    const handlers = new Map<string, Handler>();
    const ipc = {
      handle: (channel: string, listener: Handler) => void handlers.set(channel, listener),
      on: () => undefined,
    };
    const contents = {};
    const checkSender = createSenderCheck(() => contents);
    const fromApp: IpcSenderInfo = {
      sender: contents,
      senderFrame: { url: 'app://netdesigner/index.html', parent: null },
    };
    const exportModel = vi.fn(async ({ dir }: { dir: string }) => ({ path: `${dir}/net-r1` }));
    const exportDesign = vi.fn(async () => ({ written: true, paths: [], message: '' }));
    const filesImport = vi.fn(async () => ({ path: '/home/u/models/r18.netd.json' }));
    const api = { runsExportModel: exportModel, exportDesign, filesImport } as unknown as NetdApi;
    const guard = createWriteGuard();
    registerApiHandlers(ipc, api, checkSender, { writeGuard: guard });
    registerDesktopHandlers(
      ipc,
      {
        showOpenDialog: async () => null,
        showSaveDialog: async () => null,
        // What the user picks in the native dialogs (the desktop app wraps the real ones so).
        showFolderDialog: allowingAnswers(async () => '/home/u/models', guard.allowFolder),
        showExportDialog: allowingAnswers(async () => '/home/u/out/m.onnx', guard.allowExport),
        showImportDialog: allowingAnswers(async () => '/home/u/models/r18.onnx', guard.allowImport),
        setDirty: () => undefined,
        setTitle: () => undefined,
      },
      checkSender,
    );
    const call = (channel: string, payload: unknown) => handlers.get(channel)!(fromApp, payload);

    // A script in the page names a folder itself: refused, nothing written.
    const injected = await call(API_CHANNELS.runsExportModel, {
      runId: 'r1',
      dir: '/home/u/models',
    });
    expect(injected).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!injected.ok) expect(injected.error.message).toMatch(/runs:exportModel.*folder dialog/);
    const doc = JSON.parse(
      readFileSync(new URL('../../assets/examples/first-start.netd.json', import.meta.url), 'utf8'),
    ) as unknown;
    const exportReq = { doc, designPath: null, to: 'onnx', out: '/home/u/out/m.onnx' };
    expect(await call(API_CHANNELS.exportDesign, exportReq)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(exportModel).not.toHaveBeenCalled();
    expect(exportDesign).not.toHaveBeenCalled();

    // The user chooses in the native dialogs: exactly those destinations are written.
    expect(
      await call(DESKTOP_CHANNELS.showFolderDialog, { title: 'Export the model to…' }),
    ).toEqual({ ok: true, result: '/home/u/models' });
    expect(
      await call(API_CHANNELS.runsExportModel, { runId: 'r1', dir: '/home/u/models' }),
    ).toEqual({ ok: true, result: { path: '/home/u/models/net-r1' } });
    expect(
      await call(API_CHANNELS.runsExportModel, { runId: 'r1', dir: '/home/u/.ssh' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(DESKTOP_CHANNELS.showExportDialog, { suggested: 'm.onnx' })).toEqual({
      ok: true,
      result: '/home/u/out/m.onnx',
    });
    expect(await call(API_CHANNELS.exportDesign, exportReq)).toMatchObject({ ok: true });
    expect(exportModel).toHaveBeenCalledTimes(1);
    expect(exportDesign).toHaveBeenCalledTimes(1);

    // Import: only the model chosen in the Import dialog.
    const importReq = { path: '/home/u/models/r18.onnx' };
    expect(await call(API_CHANNELS.filesImport, importReq)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(DESKTOP_CHANNELS.showImportDialog, {})).toEqual({
      ok: true,
      result: '/home/u/models/r18.onnx',
    });
    expect(await call(API_CHANNELS.filesImport, importReq)).toMatchObject({ ok: true });
    expect(filesImport).toHaveBeenCalledOnce();
  });
});
