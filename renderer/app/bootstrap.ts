/**
 * Start-up: fetch the catalog and recent files, start analysis and autosave, open the example
 * network, offer to restore unsaved work if the last session ended without saving, then connect
 * the desktop shell's menus (Electron) or guard against losing unsaved work on reload (browser).
 */
import { api } from '../api/client.ts';
import { loadDocument, refreshRecent } from '../files/fileActions.ts';
import { startAutosave } from '../files/recovery.ts';
import { installUnloadGuard } from '../files/unloadGuard.ts';
import { connectDesktop } from '../desktop/connectDesktop.ts';
import { DESIGNER_ACTIONS } from '../desktop/designerActions.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { startAnalysisSync } from '../state/analysisSync.ts';
import { emptyDoc } from '../state/docStore.ts';
import { useFileStore } from '../state/fileStore.ts';
import { errorMessage } from '../api/errors.ts';

let started = false;

/** Runs once per page load (React strict mode calls effects twice in development). */
export async function bootstrap(): Promise<void> {
  if (started) return;
  started = true;
  startAnalysisSync();
  startAutosave();
  const store = useAnalysisStore.getState();
  const [catalog, recovery, example] = await Promise.all([
    api.catalogList().catch((err: unknown) => {
      store.setHostError(errorMessage(err));
      return [];
    }),
    api.recoveryRead().catch(() => null),
    api.networkExample().catch(() => null),
    refreshRecent(),
  ]);
  store.setCatalog(catalog);
  loadDocument(example ?? emptyDoc(), null);
  if (recovery) useFileStore.getState().setRecovery(recovery);
  // Only now: a file the desktop shell was asked to open must not be replaced by the example.
  const desktop = window.netdDesktop;
  if (desktop) connectDesktop(desktop, DESIGNER_ACTIONS);
  else installUnloadGuard();
}
