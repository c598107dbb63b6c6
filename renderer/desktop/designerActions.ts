/** The designer's actions behind each desktop menu command (the same ones the toolbar calls). */
import {
  checkEnvironment,
  exportAs,
  fitView,
  setTheme,
  showAbout,
  startTraining,
  stopTraining,
  togglePanel,
  zoom,
} from '../app/appCommands.ts';
import { newNetwork, openFile, openPath, save, saveAs } from '../files/fileActions.ts';
import { redo, undo } from '../state/docStore.ts';
import { openExport } from '../export/exportStore.ts';
import type { MenuActions } from './menuCommands.ts';

export const DESIGNER_ACTIONS: MenuActions = {
  newNetwork,
  openFile,
  openPath: (path) => openPath(path),
  save,
  saveAs,
  exportAs,
  exportModel: () => openExport(),
  undo,
  redo,
  fitView,
  zoom,
  togglePanel,
  setTheme,
  startTraining,
  stopTraining,
  checkEnvironment,
  showAbout,
};
