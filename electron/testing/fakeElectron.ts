/**
 * A stand-in for the `electron` module, just rich enough to start the bundled main process
 * (dist/electron/main.cjs) in plain Node: it records windows, IPC handlers, the protocol handler
 * and the menu so tests can drive the real bundle the way Electron would. Test-only.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkUtilityStandIn } from './forkUtilityStandIn.ts';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: Listener | null = null;
  url = '';
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  async setVisualZoomLevelLimits(): Promise<void> {}
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return false;
  }
}

/** What "the page" does while it loads, given its window. */
export type LoadingHook = (win: FakeBrowserWindow) => Promise<void> | void;

export class FakeBrowserWindow extends EventEmitter {
  static windows: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.windows;
  }
  readonly webContents = new FakeWebContents();
  title = '';
  documentEdited = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.windows.push(this);
  }
  /** Runs while a page loads, before 'did-finish-load' (the page's own first IPC calls). */
  static onLoading: LoadingHook | null = null;
  /** Like Electron: the page runs, 'did-finish-load' fires, and only then the promise settles. */
  async loadURL(url: string): Promise<void> {
    this.webContents.url = url;
    await new Promise((resolve) => setImmediate(resolve));
    await FakeBrowserWindow.onLoading?.(this);
    this.webContents.emit('did-finish-load');
  }
  maximize(): void {}
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return false;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1440, height: 900 };
  }
  closed = false;
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.closed = true;
  }
}

/** Builds a fresh fake `electron` module and what it recorded. */
export function createFakeElectron() {
  const userData = mkdtempSync(join(tmpdir(), 'netd-fake-userdata-'));
  const handlers = new Map<string, Listener>();
  const listeners = new Map<string, Listener>();
  let protocolHandler: ((request: Request) => Promise<Response>) | null = null;
  let menuTemplate: unknown[] = [];
  const errors: string[] = [];
  const questions: { message: string; buttons: string[] }[] = [];
  /** What the next native open/save dialog answers (null: the user cancels). */
  let dialogAnswer: string | null = null;
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    enableSandbox: () => undefined,
    setName: () => undefined,
    getVersion: () => '0.0.0-test',
    getPath: (name: string) => join(userData, name),
    addRecentDocument: () => undefined,
    quit: () => undefined,
    exit: () => undefined,
  });
  FakeBrowserWindow.windows = [];
  FakeBrowserWindow.onLoading = null;
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: Listener) => void handlers.set(channel, handler),
      on: (channel: string, listener: Listener) => void listeners.set(channel, listener),
    },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
        protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        on: () => undefined,
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => template,
      setApplicationMenu: (template: unknown[]) => {
        menuTemplate = template;
      },
    },
    dialog: {
      showOpenDialog: async () =>
        dialogAnswer === null
          ? { canceled: true, filePaths: [] }
          : { canceled: false, filePaths: [dialogAnswer] },
      showSaveDialog: async () =>
        dialogAnswer === null ? { canceled: true } : { canceled: false, filePath: dialogAnswer },
      showErrorBox: (title: string, message: string) => void errors.push(`${title}: ${message}`),
      /** Answers every question with its cancel button. */
      showMessageBox: async (
        _win: unknown,
        options: { message: string; buttons: string[]; cancelId: number },
      ) => {
        questions.push({ message: options.message, buttons: options.buttons });
        return { response: options.cancelId };
      },
    },
    shell: { openExternal: async () => undefined, openPath: async () => '' },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    nativeTheme: { shouldUseDarkColors: false },
    // A real child process that looks like a utility process to the trainer bundle.
    utilityProcess: { fork: forkUtilityStandIn },
  };
  return {
    electron,
    handlers,
    listeners,
    errors,
    questions,
    windows: () => FakeBrowserWindow.windows,
    /** Sets what "the page" does while it loads (see `FakeBrowserWindow.onLoading`). */
    setOnLoading: (hook: LoadingHook | null) => {
      FakeBrowserWindow.onLoading = hook;
    },
    protocolHandler: () => protocolHandler,
    /** Sets what the native open/save dialogs answer from now on (null: cancel). */
    setDialogAnswer: (answer: string | null) => {
      dialogAnswer = answer;
    },
    menu: () => menuTemplate,
  };
}
