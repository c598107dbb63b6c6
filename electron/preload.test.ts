import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS, TRAINING_EVENT_CHANNEL } from '../main/api/contract.ts';
import type { NetdApi } from '../main/api/contract.ts';
import type { NetdDesktop, NetdDialogs } from './desktopBridge.ts';
import { DESKTOP_CHANNELS } from './desktopBridge.ts';
import type { MenuCommand } from './menuCommands.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

const { exposed, fakeIpc, listeners } = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  const fakeIpc = {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, result: null })),
    send: vi.fn(),
    on: vi.fn((channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) =>
      listeners.get(channel)?.delete(listener),
    ),
  };
  return { exposed, fakeIpc, listeners };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: fakeIpc,
}));

await import('./preload.ts');
const netd = exposed.get('netd') as NetdApi & Record<string, unknown>;
const desktop = exposed.get('netdDesktop') as Required<NetdDesktop> & Record<string, unknown>;

function emit(channel: string, payload: unknown): void {
  for (const listener of listeners.get(channel) ?? []) listener({}, payload);
}

beforeEach(() => {
  fakeIpc.invoke.mockClear();
  fakeIpc.send.mockClear();
});

describe('preload', () => {
  it('exposes only window.netd, window.netdDesktop and window.netdDialogs', () => {
    expect([...exposed.keys()].sort()).toEqual(['netd', 'netdDesktop', 'netdDialogs']);
  });

  it('window.netdDialogs gives the renderer native dialogs in its own shape', async () => {
    const dialogs = exposed.get('netdDialogs') as NetdDialogs & Record<string, unknown>;
    expect(Object.keys(dialogs).sort()).toEqual([
      'exportDialog',
      'folderDialog',
      'importDialog',
      'openDialog',
      'saveDialog',
    ]);
    fakeIpc.invoke.mockResolvedValueOnce({ ok: true, result: '/home/a/Tiny.netd.json' });
    expect(await dialogs.saveDialog('Tiny.netd.json')).toBe('/home/a/Tiny.netd.json');
    expect(fakeIpc.invoke).toHaveBeenLastCalledWith(DESKTOP_CHANNELS.showSaveDialog, {
      suggestedName: 'Tiny.netd.json',
    });
  });

  it('window.netd has exactly the NetdApi methods plus onTrainingEvent', () => {
    expect(Object.keys(netd).sort()).toEqual(
      [...Object.keys(API_CHANNELS), 'onTrainingEvent'].sort(),
    );
    for (const value of Object.values(netd)) expect(typeof value).toBe('function');
  });

  it('window.netdDesktop has exactly the desktop bridge functions', () => {
    expect(Object.keys(desktop).sort()).toEqual(
      [
        'onMenuCommand',
        'setDirty',
        'setTitle',
        'showExportDialog',
        'showFolderDialog',
        'showImportDialog',
        'showOpenDialog',
        'showSaveDialog',
      ].sort(),
    );
  });

  it('never leaks ipcRenderer or a generic invoke/send', () => {
    for (const bridge of [netd, desktop, exposed.get('netdDialogs') as Record<string, unknown>]) {
      for (const [key, value] of Object.entries(bridge)) {
        expect(value).not.toBe(fakeIpc);
        expect(value).not.toBe(fakeIpc.invoke);
        expect(value).not.toBe(fakeIpc.send);
        expect(['ipcRenderer', 'invoke', 'send', 'on', 'removeListener']).not.toContain(key);
      }
    }
  });

  it('each API function sends its request on its own channel only', async () => {
    fakeIpc.invoke.mockResolvedValueOnce({ ok: true, result: { path: '/x.netd.json', doc: {} } });
    const opened = await netd.filesOpen({ path: '/x.netd.json' });
    expect(opened).toEqual({ path: '/x.netd.json', doc: {} });
    expect(fakeIpc.invoke).toHaveBeenCalledWith(API_CHANNELS.filesOpen, { path: '/x.netd.json' });

    await netd.hostInfo();
    expect(fakeIpc.invoke).toHaveBeenLastCalledWith(API_CHANNELS.hostInfo, {});
  });

  it('a host error rejects with the host message, not an IPC wrapper', async () => {
    fakeIpc.invoke.mockResolvedValueOnce({
      ok: false,
      error: { message: 'Cannot open /x.netd.json: no such file.', code: 'file-error' },
    });
    await expect(netd.filesOpen({ path: '/x.netd.json' })).rejects.toThrow(
      'Cannot open /x.netd.json: no such file.',
    );
  });

  it('streams training events until unsubscribed', () => {
    const seen: unknown[] = [];
    const unsubscribe = netd.onTrainingEvent((event) => seen.push(event));
    emit(TRAINING_EVENT_CHANNEL, { event: 'failed', runId: 'r1', message: 'boom' });
    unsubscribe();
    emit(TRAINING_EVENT_CHANNEL, { event: 'failed', runId: 'r2', message: 'late' });
    expect(seen).toEqual([{ event: 'failed', runId: 'r1', message: 'boom' }]);
  });

  it('keeps menu commands that arrive before the renderer listens and delivers them once', () => {
    const early: MenuCommand = { command: 'file.openPath', path: '/home/a/model.netd.json' };
    emit(DESKTOP_CHANNELS.menuCommand, early);
    const first: MenuCommand[] = [];
    const unsubscribe = desktop.onMenuCommand((command) => first.push(command));
    emit(DESKTOP_CHANNELS.menuCommand, { command: 'view.fit' });
    unsubscribe();
    const second: MenuCommand[] = [];
    desktop.onMenuCommand((command) => second.push(command));
    expect(first).toEqual([early, { command: 'view.fit' }]);
    expect(second).toEqual([]);
  });

  it('dialogs and window state go through their fixed channels', async () => {
    fakeIpc.invoke.mockResolvedValueOnce({ ok: true, result: '/home/a/net.netd.json' });
    expect(await desktop.showSaveDialog({ suggestedName: 'net' })).toBe('/home/a/net.netd.json');
    expect(fakeIpc.invoke).toHaveBeenLastCalledWith(DESKTOP_CHANNELS.showSaveDialog, {
      suggestedName: 'net',
    });
    fakeIpc.invoke.mockResolvedValueOnce({ ok: true, result: null });
    expect(await desktop.showOpenDialog()).toBeNull();
    fakeIpc.invoke.mockResolvedValueOnce({ ok: true, result: '/home/a/models' });
    expect(await desktop.showFolderDialog({ title: 'Export' })).toBe('/home/a/models');
    expect(fakeIpc.invoke).toHaveBeenLastCalledWith(DESKTOP_CHANNELS.showFolderDialog, {
      title: 'Export',
    });
    fakeIpc.invoke.mockResolvedValueOnce({ ok: true, result: null });
    expect(await desktop.showExportDialog('m.onnx')).toBeNull();
    expect(fakeIpc.invoke).toHaveBeenLastCalledWith(DESKTOP_CHANNELS.showExportDialog, {
      suggested: 'm.onnx',
    });
    desktop.setDirty(true);
    desktop.setTitle('Tiny — NetDesigner');
    expect(fakeIpc.send.mock.calls).toEqual([
      [DESKTOP_CHANNELS.setDirty, { isDirty: true }],
      [DESKTOP_CHANNELS.setTitle, { title: 'Tiny — NetDesigner' }],
    ]);
  });
});
