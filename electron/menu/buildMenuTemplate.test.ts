import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMAND_NAMES } from '../menuCommands.ts';
import type { MenuCommand } from '../menuCommands.ts';
import { MAX_RECENT_IN_MENU, buildMenuTemplate } from './buildMenuTemplate.ts';
import type { MenuDeps } from './buildMenuTemplate.ts';

function build(overrides: Partial<MenuDeps> = {}) {
  const sent: MenuCommand[] = [];
  const deps: MenuDeps = {
    platform: 'linux',
    appName: 'NetDesigner',
    recentFiles: [],
    send: (command) => sent.push(command),
    openDocumentation: vi.fn(),
    developerItems: false,
    ...overrides,
  };
  return { template: buildMenuTemplate(deps), sent, deps };
}

/** Every item of the tree, with its path of labels. */
function walk(
  items: MenuItemConstructorOptions[],
  path: string[] = [],
): { path: string[]; item: MenuItemConstructorOptions }[] {
  return items.flatMap((item) => {
    const here = [...path, (item.label ?? item.role ?? '').replace(/&/g, '')];
    const children = Array.isArray(item.submenu) ? walk(item.submenu, here) : [];
    return [{ path: here, item }, ...children];
  });
}

function find(template: MenuItemConstructorOptions[], ...path: string[]) {
  const hit = walk(template).find((entry) => entry.path.join(' > ') === path.join(' > '));
  if (!hit) throw new Error(`no menu item ${path.join(' > ')}`);
  return hit.item;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('application menu', () => {
  it('has File, Edit, View, Train and Help menus in that order', () => {
    const { template } = build();
    expect(template.map((m) => m.label?.replace(/&/g, ''))).toEqual([
      'File',
      'Edit',
      'View',
      'Train',
      'Help',
    ]);
  });

  it('starts with the app menu and has a Window menu on macOS', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(template.some((m) => m.role === 'windowMenu')).toBe(true);
  });

  it('sends every menu command the renderer handles from some item', () => {
    const { template, sent } = build({ recentFiles: [{ path: '/a/x.netd.json' }] });
    for (const { item } of walk(template)) if (item.click) click(item);
    const names = new Set(sent.map((c) => c.command));
    expect([...names].sort()).toEqual([...MENU_COMMAND_NAMES].sort());
  });

  it.each([
    [['File', 'New'], { command: 'file.new' }],
    [['File', 'Open…'], { command: 'file.open' }],
    [['File', 'Save As…'], { command: 'file.saveAs' }],
    [['File', 'Export Diagram', 'As PNG…'], { command: 'file.export', format: 'png' }],
    [['File', 'Export Diagram', 'As SVG…'], { command: 'file.export', format: 'svg' }],
    [['File', 'Export Code or Model…'], { command: 'file.exportModel' }],
    [['Edit', 'Redo'], { command: 'edit.redo' }],
    [['View', 'Toggle Inspector'], { command: 'view.togglePanel', panel: 'inspector' }],
    [['View', 'Theme', 'Dark'], { command: 'view.theme', theme: 'dark' }],
    [['Train', 'Start Training'], { command: 'train.start' }],
    [['Train', 'Check Environment…'], { command: 'train.checkEnvironment' }],
    [['Help', 'About NetDesigner'], { command: 'help.about' }],
  ] as [string[], MenuCommand][])('%j sends %j', (path, command) => {
    const { template, sent } = build();
    click(find(template, ...path));
    expect(sent).toEqual([command]);
  });

  it('lists recent files, most recent first, opening the clicked one', () => {
    const recentFiles = Array.from({ length: 14 }, (_, i) => ({
      path: `/nets/n${i}.netd.json`,
      name: `Net ${i}`,
    }));
    const { template, sent } = build({ recentFiles });
    const recent = find(template, 'File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent).toHaveLength(MAX_RECENT_IN_MENU);
    expect(recent[0]!.label).toBe('&1 Net 0');
    click(recent[2]!);
    expect(sent).toEqual([{ command: 'file.openPath', path: '/nets/n2.netd.json' }]);
  });

  it('escapes & in recent file names so it does not become a mnemonic', () => {
    const { template } = build({ recentFiles: [{ path: '/a/R&D.netd.json' }] });
    const recent = find(template, 'File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent[0]!.label).toBe('&1 R&&D.netd.json');
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    const { template } = build();
    const recent = find(template, 'File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('does not grab keys the designer handles itself (no double undo or save)', () => {
    const { template } = build();
    for (const path of [
      ['Edit', 'Undo'],
      ['Edit', 'Redo'],
      ['File', 'Save'],
      ['File', 'Open…'],
      ['View', 'Fit to Window'],
    ]) {
      const item = find(template, ...path);
      expect(item.accelerator, path.join(' > ')).toBeDefined();
      expect(item.registerAccelerator, path.join(' > ')).toBe(false);
    }
  });

  it('gives no bare-letter shortcut on macOS, where it would swallow typing', () => {
    const { template } = build({ platform: 'darwin' });
    for (const { item } of walk(template)) {
      if (typeof item.accelerator === 'string') expect(item.accelerator).toMatch(/[+]|^F\d+$/);
    }
  });

  it('opens the documentation from Help and hides developer tools in packaged builds', () => {
    const { template, deps } = build();
    click(find(template, 'Help', 'NetDesigner Documentation'));
    expect(deps.openDocumentation).toHaveBeenCalled();
    expect(walk(template).some(({ item }) => item.role === 'toggleDevTools')).toBe(false);
    expect(
      walk(build({ developerItems: true }).template).some(
        ({ item }) => item.role === 'toggleDevTools',
      ),
    ).toBe(true);
  });
});
