import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inputConv } from '../../main/network/testDocs.ts';
import { fileDialogs } from '../files/dialogs.ts';
import { setParam } from '../graph/ops.ts';
import { useDocStore } from '../state/docStore.ts';
import { useFileStore } from '../state/fileStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import { connectDesktop } from './connectDesktop.ts';
import type { MenuCommand, MenuCommandName, NetdDesktop } from './desktopTypes.ts';
import type { MenuActions } from './menuCommands.ts';

/** A stand-in for the preload's `window.netdDesktop` that records what the renderer tells it. */
function fakeDesktop() {
  let listener: ((command: MenuCommand) => void) | null = null;
  const calls = { dirty: [] as boolean[], titles: [] as string[], saveNames: [] as string[] };
  const desktop: NetdDesktop = {
    onMenuCommand(l) {
      listener = l;
      return () => {
        listener = null;
      };
    },
    showOpenDialog: async () => '/home/ada/net.netd.json',
    showSaveDialog: async (options) => {
      calls.saveNames.push(options?.suggestedName ?? '');
      return '/home/ada/saved.netd.json';
    },
    setDirty: (d) => calls.dirty.push(d),
    setTitle: (t) => calls.titles.push(t),
  };
  const send = (command: MenuCommand) => {
    if (!listener) throw new Error('no menu listener');
    listener(command);
  };
  return { desktop, calls, send, listening: () => listener !== null };
}

function spyActions() {
  const names: (keyof MenuActions)[] = [
    'newNetwork',
    'openFile',
    'openPath',
    'save',
    'saveAs',
    'exportAs',
    'exportModel',
    'undo',
    'redo',
    'fitView',
    'zoom',
    'togglePanel',
    'setTheme',
    'startTraining',
    'stopTraining',
    'checkEnvironment',
    'showAbout',
  ];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as unknown as {
    [K in keyof MenuActions]: ReturnType<typeof vi.fn>;
  } & MenuActions;
}

const doc = inputConv('Tiny', { filters: 4, kernelSize: 3 });

describe('connecting the desktop shell', () => {
  let disconnect: () => void = () => undefined;
  beforeEach(() => {
    useDocStore.getState().reset(doc);
    useFileStore.getState().markSaved('/home/ada/tiny.netd.json', doc);
  });
  afterEach(() => disconnect());

  it.each<[MenuCommand, keyof MenuActions, unknown[]]>([
    [{ command: 'file.new' }, 'newNetwork', []],
    [{ command: 'file.open' }, 'openFile', []],
    [{ command: 'file.openPath', path: '/tmp/a.netd.json' }, 'openPath', ['/tmp/a.netd.json']],
    [{ command: 'file.save' }, 'save', []],
    [{ command: 'file.saveAs' }, 'saveAs', []],
    [{ command: 'file.export', format: 'svg' }, 'exportAs', ['svg']],
    [{ command: 'file.export', format: 'png' }, 'exportAs', ['png']],
    [{ command: 'file.exportModel' }, 'exportModel', []],
    [{ command: 'edit.undo' }, 'undo', []],
    [{ command: 'edit.redo' }, 'redo', []],
    [{ command: 'view.fit' }, 'fitView', []],
    [{ command: 'view.zoomIn' }, 'zoom', [1]],
    [{ command: 'view.zoomOut' }, 'zoom', [-1]],
    [{ command: 'view.togglePanel', panel: 'inspector' }, 'togglePanel', ['inspector']],
    [{ command: 'view.theme', theme: 'dark' }, 'setTheme', ['dark']],
    [{ command: 'train.start' }, 'startTraining', []],
    [{ command: 'train.stop' }, 'stopTraining', []],
    [{ command: 'train.checkEnvironment' }, 'checkEnvironment', []],
    [{ command: 'help.about' }, 'showAbout', []],
  ])('menu %j runs %s', (command, action, args) => {
    const fake = fakeDesktop();
    const actions = spyActions();
    disconnect = connectDesktop(fake.desktop, actions);
    fake.send(command);
    expect(actions[action]).toHaveBeenCalledTimes(1);
    expect(actions[action]).toHaveBeenCalledWith(...args);
    const others = Object.entries(actions).filter(
      ([n, fn]) => n !== action && fn.mock.calls.length,
    );
    expect(others).toEqual([]);
  });

  it('handles every command the shell can send', () => {
    // A Record over MenuCommandName: a command added to the shell fails type-checking here.
    const samples: Record<MenuCommandName, MenuCommand> = {
      'file.new': { command: 'file.new' },
      'file.open': { command: 'file.open' },
      'file.openPath': { command: 'file.openPath', path: '/x.netd.json' },
      'file.save': { command: 'file.save' },
      'file.saveAs': { command: 'file.saveAs' },
      'file.export': { command: 'file.export', format: 'png' },
      'file.exportModel': { command: 'file.exportModel' },
      'edit.undo': { command: 'edit.undo' },
      'edit.redo': { command: 'edit.redo' },
      'view.fit': { command: 'view.fit' },
      'view.zoomIn': { command: 'view.zoomIn' },
      'view.zoomOut': { command: 'view.zoomOut' },
      'view.togglePanel': { command: 'view.togglePanel', panel: 'palette' },
      'view.theme': { command: 'view.theme', theme: 'light' },
      'train.start': { command: 'train.start' },
      'train.stop': { command: 'train.stop' },
      'train.checkEnvironment': { command: 'train.checkEnvironment' },
      'help.about': { command: 'help.about' },
    };
    const fake = fakeDesktop();
    const actions = spyActions();
    disconnect = connectDesktop(fake.desktop, actions);
    const total = () => Object.values(actions).reduce((n, fn) => n + fn.mock.calls.length, 0);
    const silent = Object.values(samples).filter((command) => {
      const before = total();
      fake.send(command);
      return total() !== before + 1;
    });
    expect(silent).toEqual([]);
  });

  it('turns a failing action into an error notification', async () => {
    const fake = fakeDesktop();
    const actions = spyActions();
    actions.save.mockRejectedValue(new Error('disk full'));
    disconnect = connectDesktop(fake.desktop, actions);
    fake.send({ command: 'file.save' });
    await vi.waitFor(() =>
      expect(useUiStore.getState().toasts.map((t) => t.text)).toContainEqual(
        expect.stringContaining('disk full'),
      ),
    );
  });

  it('reports the title and dirty state at once and whenever they settle on a change', async () => {
    const fake = fakeDesktop();
    disconnect = connectDesktop(fake.desktop, spyActions());
    expect(fake.calls.dirty).toEqual([false]);
    expect(fake.calls.titles).toEqual(['Tiny — NetDesigner']);

    useDocStore.getState().edit((d) => setParam(d, 'conv1', 'filters', 8));
    await Promise.resolve();
    useDocStore.getState().edit((d) => setParam(d, 'conv1', 'filters', 16));
    await Promise.resolve();
    // Still dirty after the second edit: reported once, not again.
    expect(fake.calls.dirty).toEqual([false, true]);
    expect(fake.calls.titles.at(-1)).toBe('• Tiny — NetDesigner');

    useFileStore.getState().markSaved('/home/ada/tiny.netd.json', useDocStore.getState().doc);
    await Promise.resolve();
    expect(fake.calls.dirty).toEqual([false, true, false]);
    expect(fake.calls.titles.at(-1)).toBe('Tiny — NetDesigner');
  });

  it('does not report a passing dirty state while a file is being opened', async () => {
    const fake = fakeDesktop();
    disconnect = connectDesktop(fake.desktop, spyActions());
    const other = { ...doc, name: 'Other' };
    // What opening a file does: replace the doc, then record it as saved.
    useDocStore.getState().reset(other);
    useFileStore.getState().markSaved('/home/ada/other.netd.json', other);
    await Promise.resolve();
    expect(fake.calls.dirty).toEqual([false]);
    expect(fake.calls.titles).toEqual(['Tiny — NetDesigner', 'Other — NetDesigner']);
  });

  it('uses the native dialogs for open and save', async () => {
    const fake = fakeDesktop();
    disconnect = connectDesktop(fake.desktop, spyActions());
    await expect(fileDialogs().openDialog()).resolves.toBe('/home/ada/net.netd.json');
    await expect(fileDialogs().saveDialog('tiny.netd.json')).resolves.toBe(
      '/home/ada/saved.netd.json',
    );
    expect(fake.calls.saveNames).toEqual(['tiny.netd.json']);
  });

  it('stops listening and reporting once disconnected', async () => {
    const fake = fakeDesktop();
    disconnect = connectDesktop(fake.desktop, spyActions());
    disconnect();
    expect(fake.listening()).toBe(false);
    useDocStore.getState().edit((d) => setParam(d, 'conv1', 'filters', 32));
    await Promise.resolve();
    expect(fake.calls.dirty).toEqual([false]);
  });
});
