import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appPaths } from './appPaths.ts';
import { openDocumentation } from './documentation.ts';
import { exportSaveDialogOptions, handleDownload, isLocalExportUrl } from './exportDownloads.ts';

describe('diagram export downloads', () => {
  it('accept only data: and app blob: URLs', () => {
    expect(isLocalExportUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isLocalExportUrl('blob:app://netdesigner/5f1c')).toBe(true);
    expect(isLocalExportUrl('https://example.org/x.png')).toBe(false);
    expect(isLocalExportUrl('blob:https://evil/5f1c')).toBe(false);
  });

  it('turn an export into a Save dialog with the matching filter', () => {
    expect(exportSaveDialogOptions('ResNet-50.png', '/docs')).toMatchObject({
      defaultPath: '/docs/ResNet-50.png',
      filters: [{ name: 'PNG image', extensions: ['png'] }],
    });
    expect(exportSaveDialogOptions('net.svg', '/docs').filters).toEqual([
      { name: 'SVG image', extensions: ['svg'] },
    ]);
  });

  it('cancel any other download', () => {
    const item = {
      getURL: () => 'https://example.org/payload.exe',
      getFilename: () => 'payload.exe',
      cancel: vi.fn(),
      setSaveDialogOptions: vi.fn(),
    };
    handleDownload(item, '/docs');
    expect(item.cancel).toHaveBeenCalled();
    expect(item.setSaveDialogOptions).not.toHaveBeenCalled();
  });
});

describe('documentation', () => {
  it('copies the bundled README out and opens the copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netd-docs-'));
    const readme = join(dir, 'README.md');
    writeFileSync(readme, '# NetDesigner');
    const opened: string[] = [];
    const failure = await openDocumentation(readme, join(dir, 'tmp'), async (p) => {
      opened.push(p);
      return '';
    });
    expect(failure).toBeNull();
    expect(readFileSync(opened[0]!, 'utf8')).toBe('# NetDesigner');
  });

  it('says what went wrong when the README is missing or cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netd-docs-'));
    expect(await openDocumentation(join(dir, 'nope.md'), dir, async () => '')).toMatch(
      /could not be found/,
    );
    writeFileSync(join(dir, 'README.md'), '#');
    expect(
      await openDocumentation(join(dir, 'README.md'), join(dir, 't'), async () => 'no viewer'),
    ).toMatch(/no viewer/);
  });
});

describe('appPaths', () => {
  it('finds the renderer, bundles and icon relative to dist/electron', () => {
    const paths = appPaths('/opt/NetDesigner/resources/app.asar/dist/electron');
    expect(paths).toEqual({
      rendererDir: '/opt/NetDesigner/resources/app.asar/dist/renderer',
      preload: '/opt/NetDesigner/resources/app.asar/dist/electron/preload.cjs',
      trainer: '/opt/NetDesigner/resources/app.asar/dist/electron/trainer.cjs',
      icon: '/opt/NetDesigner/resources/app.asar/assets/icons/icon.png',
      readme: '/opt/NetDesigner/resources/app.asar/README.md',
    });
  });
});
