/**
 * Diagram export (PNG/SVG) in the renderer ends in an `<a download>` of a data: or blob: URL. In
 * the desktop app that becomes a download; we turn it into a native Save dialog with the right
 * filter, and cancel every other download (the app never fetches files from the web).
 */
import type { DownloadItem, SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';

/** True for a download the app itself produced (data: or blob: of the app's page). */
export function isLocalExportUrl(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('blob:app://');
}

/** The save dialog for an export named `fileName`, proposed in `defaultDir`. */
export function exportSaveDialogOptions(fileName: string, defaultDir: string): SaveDialogOptions {
  const ext = extname(fileName).replace('.', '').toLowerCase();
  const filters =
    ext === 'png'
      ? [{ name: 'PNG image', extensions: ['png'] }]
      : ext === 'svg'
        ? [{ name: 'SVG image', extensions: ['svg'] }]
        : [{ name: 'All files', extensions: ['*'] }];
  return {
    title: 'Export Diagram',
    defaultPath: join(defaultDir, fileName || 'diagram'),
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** `will-download` listener body. */
export function handleDownload(
  item: Pick<DownloadItem, 'getURL' | 'getFilename' | 'cancel' | 'setSaveDialogOptions'>,
  defaultDir: string,
): void {
  if (!isLocalExportUrl(item.getURL())) {
    item.cancel();
    return;
  }
  item.setSaveDialogOptions(exportSaveDialogOptions(item.getFilename(), defaultDir));
}
