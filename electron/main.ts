/**
 * Electron main-process entry (bundled to dist/electron/main.cjs). Only what must happen before
 * `ready` lives here: the privileged `app://` scheme, the single-instance lock, and collecting a
 * file to open from the command line or the OS. Everything else is `startDesktopApp`.
 */
import { app, dialog, protocol } from 'electron';
import { startDesktopApp } from './app/desktopApp.ts';
import type { DesktopApp } from './app/desktopApp.ts';
import { findNetworkFileArg } from './files/launchArgs.ts';
import { APP_SCHEME_PRIVILEGES } from './protocol/appProtocol.ts';
import { APP_NAME } from './window/windowTitle.ts';

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
app.setName(APP_NAME);

/** How long quitting waits for training to shut down. */
const QUIT_TIMEOUT_MS = 5000;

let desktop: DesktopApp | null = null;
const pendingFiles: string[] = [];

function openFile(path: string): void {
  if (desktop) desktop.openFile(path);
  else pendingFiles.push(path);
}

if (!app.requestSingleInstanceLock()) {
  // Another NetDesigner is running; it receives our argv through 'second-instance'.
  app.quit();
} else {
  // Packaged: argv = [exe, file]; development: argv = [electron, appDir, file].
  const fromArgs = findNetworkFileArg(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd());
  if (fromArgs) pendingFiles.push(fromArgs);

  // macOS delivers double-clicked files here, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFile(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    desktop?.focus();
    const file = findNetworkFileArg(argv.slice(1), workingDirectory);
    if (file) openFile(file);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Windows are closed by now. Stop training cleanly first (runs are recorded as interrupted,
  // trainer processes told to exit), then quit for real.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !desktop) return;
    event.preventDefault();
    disposed = true;
    // A trainer that does not answer must not keep the app from quitting.
    const giveUp = new Promise<void>((resolve) => setTimeout(resolve, QUIT_TIMEOUT_MS));
    void Promise.race([desktop.dispose().catch(() => undefined), giveUp]).finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      desktop = await startDesktopApp(__dirname);
      for (const path of pendingFiles.splice(0)) desktop.openFile(path);
    })
    .catch((error: unknown) => {
      dialog.showErrorBox(
        `${APP_NAME} could not start`,
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}
