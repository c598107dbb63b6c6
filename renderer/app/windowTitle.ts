/** The window title: `"• ResNet-50 — NetDesigner"`, the dot marking unsaved changes. */
export function windowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '• ' : ''}${name || 'Untitled'} — NetDesigner`;
}
