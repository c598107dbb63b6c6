/**
 * Runs a desktop menu command with the same action as the matching toolbar button or shortcut.
 * The actions are injected so tests can check the routing without a DOM or a host.
 */
import type { MenuCommand } from './desktopTypes.ts';

/** What the menu can ask the designer to do. */
export interface MenuActions {
  newNetwork(): unknown;
  openFile(): unknown;
  openPath(path: string): unknown;
  save(): unknown;
  saveAs(): unknown;
  exportAs(format: 'png' | 'svg'): unknown;
  exportModel(): unknown;
  undo(): unknown;
  redo(): unknown;
  fitView(): unknown;
  zoom(direction: 1 | -1): unknown;
  togglePanel(panel: 'palette' | 'inspector' | 'bottom'): unknown;
  setTheme(theme: 'system' | 'light' | 'dark'): unknown;
  startTraining(): unknown;
  stopTraining(): unknown;
  checkEnvironment(): unknown;
  showAbout(): unknown;
}

/** Runs one command; returns what the action returned (a promise for async ones). */
export function runMenuCommand(command: MenuCommand, actions: MenuActions): unknown {
  switch (command.command) {
    case 'file.new':
      return actions.newNetwork();
    case 'file.open':
      return actions.openFile();
    case 'file.openPath':
      return actions.openPath(command.path);
    case 'file.save':
      return actions.save();
    case 'file.saveAs':
      return actions.saveAs();
    case 'file.export':
      return actions.exportAs(command.format);
    case 'file.exportModel':
      return actions.exportModel();
    case 'edit.undo':
      return actions.undo();
    case 'edit.redo':
      return actions.redo();
    case 'view.fit':
      return actions.fitView();
    case 'view.zoomIn':
      return actions.zoom(1);
    case 'view.zoomOut':
      return actions.zoom(-1);
    case 'view.togglePanel':
      return actions.togglePanel(command.panel);
    case 'view.theme':
      return actions.setTheme(command.theme);
    case 'train.start':
      return actions.startTraining();
    case 'train.stop':
      return actions.stopTraining();
    case 'train.checkEnvironment':
      return actions.checkEnvironment();
    case 'help.about':
      return actions.showAbout();
    default: {
      // A command from a newer shell: ignore it rather than break the renderer.
      const unknown: never = command;
      void unknown;
      return undefined;
    }
  }
}
