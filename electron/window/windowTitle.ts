/** The app's name as shown in window titles and dialogs. */
export const APP_NAME = 'NetDesigner';

/**
 * The document's name inside a window title like `"• ResNet-50 — NetDesigner"` (dirty markers and
 * the app suffix removed); `"this network"` when nothing is left.
 */
export function documentNameFromTitle(title: string): string {
  const name = title
    .replace(new RegExp(`\\s*[—–-]\\s*${APP_NAME}\\s*$`), '')
    .replace(/^[\s•*]+|[\s•*]+$/g, '')
    .trim();
  return name && name !== APP_NAME ? name : 'this network';
}

/** True when a document title carries the unsaved-changes marker (a leading `•` or `*`). */
export function isDirtyTitle(title: string): boolean {
  return /^\s*[•*]/.test(title);
}
