import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS } from '../desktopBridge.ts';
import type { IpcResult } from './ipcResult.ts';
import { registerDesktopHandlers } from './registerDesktopHandlers.ts';
import type { IpcSenderInfo } from './senderGuard.ts';
import { createSenderCheck } from './senderGuard.ts';

type Invoke = (event: IpcSenderInfo, ...args: unknown[]) => Promise<IpcResult>;
type Notify = (event: IpcSenderInfo, ...args: unknown[]) => void;

function setup() {
  const handles = new Map<string, Invoke>();
  const ons = new Map<string, Notify>();
  const trusted = {};
  const actions = {
    showOpenDialog: vi.fn(async () => '/docs/a.netd.json'),
    showSaveDialog: vi.fn(
      async (name: string | undefined) => `/docs/${name ?? 'Untitled'}.netd.json`,
    ),
    showFolderDialog: vi.fn(async (_title: string | undefined) => '/docs/models'),
    showExportDialog: vi.fn(async (suggested: string) => `/docs/${suggested}`),
    showImportDialog: vi.fn(async () => '/docs/resnet18.onnx'),
    setDirty: vi.fn(),
    setTitle: vi.fn(),
  };
  const log = vi.fn();
  registerDesktopHandlers(
    { handle: (c, l) => void handles.set(c, l), on: (c, l) => void ons.set(c, l) },
    actions,
    createSenderCheck(() => trusted),
    log,
  );
  const app: IpcSenderInfo = {
    sender: trusted,
    senderFrame: { url: 'app://netdesigner/index.html', parent: null },
  };
  const stranger: IpcSenderInfo = {
    sender: {},
    senderFrame: { url: 'app://netdesigner/index.html', parent: null },
  };
  return { handles, ons, actions, log, app, stranger };
}

describe('desktop bridge IPC', () => {
  it('opens the native dialogs for the app window', async () => {
    const { handles, app, actions } = setup();
    expect(await handles.get(DESKTOP_CHANNELS.showOpenDialog)!(app, {})).toEqual({
      ok: true,
      result: '/docs/a.netd.json',
    });
    expect(
      await handles.get(DESKTOP_CHANNELS.showSaveDialog)!(app, { suggestedName: 'net' }),
    ).toEqual({
      ok: true,
      result: '/docs/net.netd.json',
    });
    expect(actions.showSaveDialog).toHaveBeenCalledWith('net');
    expect(await handles.get(DESKTOP_CHANNELS.showFolderDialog)!(app, { title: 'Export' })).toEqual(
      { ok: true, result: '/docs/models' },
    );
    expect(actions.showFolderDialog).toHaveBeenCalledWith('Export');
    expect(
      await handles.get(DESKTOP_CHANNELS.showExportDialog)!(app, { suggested: 'm.onnx' }),
    ).toEqual({ ok: true, result: '/docs/m.onnx' });
    expect(await handles.get(DESKTOP_CHANNELS.showImportDialog)!(app, {})).toEqual({
      ok: true,
      result: '/docs/resnet18.onnx',
    });
  });

  it('rejects malformed folder and export dialog requests without opening a dialog', async () => {
    const { handles, app, stranger, actions } = setup();
    const bad = await handles.get(DESKTOP_CHANNELS.showExportDialog)!(app, { suggested: 3 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!bad.ok) expect(bad.error.message).toContain('suggested');
    const long = await handles.get(DESKTOP_CHANNELS.showFolderDialog)!(app, {
      title: 'x'.repeat(5000),
    });
    expect(long).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const refused = await handles.get(DESKTOP_CHANNELS.showFolderDialog)!(stranger, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(actions.showFolderDialog).not.toHaveBeenCalled();
    expect(actions.showExportDialog).not.toHaveBeenCalled();
  });

  it('rejects malformed dialog requests and other senders without opening a dialog', async () => {
    const { handles, app, stranger, actions } = setup();
    const bad = await handles.get(DESKTOP_CHANNELS.showSaveDialog)!(app, { suggestedName: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!bad.ok) expect(bad.error.message).toContain('suggestedName');
    const refused = await handles.get(DESKTOP_CHANNELS.showOpenDialog)!(stranger, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(actions.showOpenDialog).not.toHaveBeenCalled();
    expect(actions.showSaveDialog).not.toHaveBeenCalled();
  });

  it('applies valid dirty/title messages and drops bad ones with a log line', () => {
    const { ons, app, stranger, actions, log } = setup();
    ons.get(DESKTOP_CHANNELS.setDirty)!(app, { isDirty: true });
    ons.get(DESKTOP_CHANNELS.setTitle)!(app, { title: 'Tiny — NetDesigner' });
    ons.get(DESKTOP_CHANNELS.setDirty)!(app, { isDirty: 'yes' });
    ons.get(DESKTOP_CHANNELS.setTitle)!(app, { title: 'x'.repeat(5000) });
    ons.get(DESKTOP_CHANNELS.setDirty)!(stranger, { isDirty: false });
    expect(actions.setDirty.mock.calls).toEqual([[true]]);
    expect(actions.setTitle.mock.calls).toEqual([['Tiny — NetDesigner']]);
    expect(log).toHaveBeenCalledTimes(3);
  });
});
