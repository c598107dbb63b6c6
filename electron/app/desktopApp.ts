/**
 * Starts the desktop app once Electron is ready: the API (with training in a utility process), the
 * `app://` protocol, IPC, menus, dialogs and the main window. `main.ts` owns only what must happen
 * before `ready` (scheme privileges, single-instance lock, `open-file`).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../main/api/createApi.ts';
import type { ApiTrainingService } from '../../main/api/trainingApi.ts';
import { TRAINING_EVENT_CHANNEL } from '../../main/api/contract.ts';
import type { ApiMethod, NetdApi } from '../../main/api/contract.ts';
import { dataPaths, resolveDataDir } from '../../main/settings/dataDir.ts';
import { DESKTOP_CHANNELS } from '../desktopBridge.ts';
import type { MenuCommand } from '../menuCommands.ts';
import {
  askToSaveChanges,
  showExportSaveDialog,
  showFolderDialog,
  showImportModelDialog,
  showOpenNetworkDialog,
  showSaveNetworkDialog,
} from '../files/fileDialogs.ts';
import { registerApiHandlers } from '../ipc/registerApiHandlers.ts';
import { registerDesktopHandlers } from '../ipc/registerDesktopHandlers.ts';
import { createSenderCheck } from '../ipc/senderGuard.ts';
import { buildMenuTemplate } from '../menu/buildMenuTemplate.ts';
import { createAppProtocolHandler } from '../protocol/appProtocol.ts';
import { APP_SCHEME, isAppUrl } from '../protocol/appUrl.ts';
import { installPermissionHandlers } from '../security/permissions.ts';
import { createUtilityTrainerChannel } from '../training/utilityTrainerChannel.ts';
import { createCloseGuard } from '../window/closeGuard.ts';
import { APP_NAME, documentNameFromTitle, isDirtyTitle } from '../window/windowTitle.ts';
import { appPaths } from './appPaths.ts';
import { allowingAnswers, createWriteGuard } from '../ipc/writeGuard.ts';
import { openDocumentation } from './documentation.ts';
import { handleDownload } from './exportDownloads.ts';
import { createMainWindow, loadAppPage } from './mainWindow.ts';

type DisposableTraining = ApiTrainingService & { dispose?: () => unknown };

export interface DesktopApp {
  /** Opens `path` in the window (now, or as soon as the page has loaded). */
  openFile(path: string): void;
  /** Shows and focuses the window (a second launch). */
  focus(): void;
  dispose(): Promise<void>;
}

async function startTraining(
  runsDir: string,
  trainerPath: string,
): Promise<DisposableTraining | undefined> {
  try {
    const { createTrainingService } = await import('../../main/training/service/index.ts');
    return createTrainingService({
      runsDir,
      spawn: () =>
        createUtilityTrainerChannel(
          (path, args, options) => utilityProcess.fork(path, args, options),
          trainerPath,
        ),
    }) as DisposableTraining;
  } catch (error) {
    console.error(`[netd] Training is unavailable: ${(error as Error).message}`);
    return undefined;
  }
}

/** Starts everything; call after `app.whenReady()`. `bundleDir` is the folder of main.cjs. */
export async function startDesktopApp(bundleDir: string): Promise<DesktopApp> {
  const paths = appPaths(bundleDir);
  if (!existsSync(join(paths.rendererDir, 'index.html'))) {
    throw new Error(
      `The designer is not built (${paths.rendererDir} has no index.html). Run "npm run build" first.`,
    );
  }
  const documents = app.getPath('documents');
  const dataDir = resolveDataDir();
  const training = await startTraining(dataPaths(dataDir).runs, paths.trainer);
  const hostApi: NetdApi = createApi({
    host: 'desktop',
    homeDir: documents,
    dataDir,
    training,
    version: app.getVersion(),
  });
  // The renderer flushes unsaved work to the recovery file as its window closes (`pagehide`):
  // quitting waits for those writes, so the last edit before closing is not lost.
  const recoveryWrites = new Set<Promise<void>>();
  const api: NetdApi = {
    ...hostApi,
    recoveryWrite: (request) => {
      const write = hostApi.recoveryWrite(request);
      recoveryWrites.add(write);
      const forget = (): void => void recoveryWrites.delete(write);
      write.then(forget, forget);
      return write;
    },
  };

  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));
  installPermissionHandlers(session.defaultSession, isAppUrl);
  session.defaultSession.on('will-download', (_event, item) => handleDownload(item, documents));

  let win: BrowserWindow | null = null;
  // Quit (Cmd/Ctrl+Q, File → Exit) closes the window through the close guard; once the window has
  // really closed, the quit goes on — also on macOS, where closing a window alone keeps the app.
  let quitRequested = false;
  app.on('before-quit', () => {
    quitRequested = true;
  });
  let loaded = false;
  let title: string = APP_NAME;
  const pending: MenuCommand[] = [];
  const send = (command: MenuCommand): void => {
    if (win && loaded) win.webContents.send(DESKTOP_CHANNELS.menuCommand, command);
    else pending.push(command);
  };

  const rebuildMenu = async (): Promise<void> => {
    const recentFiles = await api.filesRecent().catch(() => []);
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: APP_NAME,
      recentFiles,
      send,
      developerItems: !app.isPackaged,
      openDocumentation: () => {
        // The app's own folder, not the shared temp folder (where another user could pre-create it).
        const docsDir = join(app.getPath('userData'), 'documentation');
        void openDocumentation(paths.readme, docsDir, (p) => shell.openPath(p)).then((failure) => {
          if (failure) dialog.showErrorBox('Documentation', failure);
        });
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const checkSender = createSenderCheck(() => win?.webContents ?? null);
  // Saves and exports go only where the user chose or opened; an injected script cannot pick a path.
  const writeGuard = createWriteGuard();
  registerApiHandlers(ipcMain, api, checkSender, {
    writeGuard,
    onSuccess: (method: ApiMethod, result: unknown) => {
      if (method === 'recoveryRead') {
        const restored = (result as { path?: unknown } | null)?.path;
        if (typeof restored === 'string') writeGuard.allow(restored);
      }
      if (method !== 'filesOpen' && method !== 'filesSave') return;
      const path = (result as { path?: unknown } | null)?.path;
      if (typeof path === 'string') writeGuard.allow(path);
      if (typeof path === 'string') app.addRecentDocument(path);
      void rebuildMenu();
    },
  });

  // One guard per window: a re-opened window (macOS dock click) starts clean.
  const makeCloseGuard = () =>
    createCloseGuard({
      askToSave: async () => {
        const choice = win ? await askToSaveChanges(win, documentNameFromTitle(title)) : 'discard';
        // Cancel on the question also cancels the Quit that raised it.
        if (choice === 'cancel') quitRequested = false;
        return choice;
      },
      requestSave: () => send({ command: 'file.save' }),
      close: () => win?.close(),
    });
  let closeGuard = makeCloseGuard();
  // Until the renderer reports its dirty state through `netdDesktop.setDirty`, the unsaved marker
  // of its document title ("• Tiny — NetDesigner") stands in, so confirm-on-close always works.
  let explicitDirty = false;
  const applyDirty = (isDirty: boolean): void => {
    win?.setDocumentEdited(isDirty);
    closeGuard.setDirty(isDirty);
  };
  registerDesktopHandlers(
    ipcMain,
    {
      showOpenDialog: async () => (win ? showOpenNetworkDialog(win, documents) : null),
      showSaveDialog: async (suggestedName) => {
        const chosen = win ? await showSaveNetworkDialog(win, documents, suggestedName) : null;
        if (chosen !== null) writeGuard.allow(chosen);
        if (chosen === null) {
          closeGuard.saveCancelled();
          quitRequested = false;
        }
        return chosen;
      },
      // The answers are what Export model / Export may then write to (see writeGuard.ts).
      showFolderDialog: allowingAnswers(
        async (dialogTitle: string | undefined) =>
          win ? showFolderDialog(win, documents, dialogTitle) : null,
        writeGuard.allowFolder,
      ),
      showExportDialog: allowingAnswers(
        async (suggested: string) => (win ? showExportSaveDialog(win, documents, suggested) : null),
        writeGuard.allowExport,
      ),
      showImportDialog: allowingAnswers(
        async () => (win ? showImportModelDialog(win, documents) : null),
        writeGuard.allowImport,
      ),
      setDirty: (isDirty) => {
        explicitDirty = true;
        applyDirty(isDirty);
      },
      setTitle: (next) => {
        title = next || APP_NAME;
        win?.setTitle(title);
      },
    },
    checkSender,
  );

  const unsubscribeTraining = api.onTrainingEvent((event) => {
    if (win && !win.isDestroyed()) win.webContents.send(TRAINING_EVENT_CHANNEL, event);
  });

  // One window at a time: two quick requests (a file opened from Finder twice, or a dock click
  // while a file arrives) must not each create a window while the first is still loading.
  let opening: Promise<void> | null = null;
  const openWindow = (): Promise<void> => {
    opening ??= createWindow().finally(() => {
      opening = null;
    });
    return opening;
  };
  const createWindow = async (): Promise<void> => {
    loaded = false;
    closeGuard = makeCloseGuard();
    const created = await createMainWindow({
      stateFile: join(app.getPath('userData'), 'window-state.json'),
      preloadPath: paths.preload,
      ...(process.platform === 'linux' ? { iconPath: paths.icon } : {}),
      onClose: (event) => closeGuard.onClose(event),
      onLoaded: () => {
        loaded = true;
        for (const command of pending.splice(0)) send(command);
      },
    });
    created.on('page-title-updated', (_event, pageTitle) => {
      title = pageTitle;
      if (!explicitDirty) applyDirty(isDirtyTitle(pageTitle));
    });
    created.on('closed', () => {
      win = null;
      loaded = false;
      if (quitRequested) app.quit();
    });
    // Known before the page loads: its first API calls and the flush of pending menu commands
    // happen while it is loading, and both need `win`.
    win = created;
    await loadAppPage(created);
  };

  await rebuildMenu();
  await openWindow();
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open re-opens one.
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });

  return {
    openFile: (path) => {
      if (!win) void openWindow();
      send({ command: 'file.openPath', path });
    },
    focus: () => {
      if (!win) return void openWindow();
      if (win.isMinimized()) win.restore();
      win.focus();
    },
    dispose: async () => {
      unsubscribeTraining();
      await Promise.allSettled([...recoveryWrites]);
      await training?.dispose?.();
    },
  };
}
