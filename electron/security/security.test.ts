import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.ts';
import { decideNavigation, handleWindowOpen, installNavigationGuards } from './navigation.ts';
import type { GuardableContents } from './navigation.ts';
import { installPermissionHandlers, isPermissionAllowed } from './permissions.ts';
import { secureWebPreferences } from './webPreferences.ts';
import { mainWindowOptions } from '../window/mainWindowOptions.ts';

describe('window options', () => {
  it('isolate the page: context isolation, sandbox, no Node, web security on', () => {
    const prefs = mainWindowOptions({
      state: { width: 1200, height: 800, maximized: false },
      preloadPath: '/app/dist/electron/preload.cjs',
      darkTheme: false,
    }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(secureWebPreferences('/p')).toEqual({ ...prefs, preload: '/p' });
  });

  it('open hidden until the first paint, at the remembered bounds', () => {
    const options = mainWindowOptions({
      state: { x: 10, y: 20, width: 1200, height: 800, maximized: false },
      preloadPath: '/p',
      darkTheme: true,
    });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false });
  });
});

describe('navigation guards', () => {
  it('allow only the app pages and hand http(s) to the system browser', () => {
    const openExternal = vi.fn();
    expect(decideNavigation('app://netdesigner/index.html', openExternal)).toBe(true);
    expect(decideNavigation('https://example.org/docs', openExternal)).toBe(false);
    expect(decideNavigation('http://example.org/', openExternal)).toBe(false);
    expect(openExternal.mock.calls).toEqual([
      ['https://example.org/docs'],
      ['http://example.org/'],
    ]);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'app://evil/index.html',
    'not a url',
  ])('block %s without opening anything', (url) => {
    const openExternal = vi.fn();
    expect(decideNavigation(url, openExternal)).toBe(false);
    expect(handleWindowOpen(url, openExternal)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('never open a new window, even for the app itself', () => {
    const openExternal = vi.fn();
    expect(handleWindowOpen('app://netdesigner/index.html', openExternal)).toEqual({
      action: 'deny',
    });
    expect(handleWindowOpen('https://example.org/', openExternal)).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
  });

  it('are attached to will-navigate, will-redirect, webviews and window.open', () => {
    const handlers = new Map<string, (event: { preventDefault(): void; url: string }) => void>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void; url: string }) => void) => {
        handlers.set(event, listener);
      },
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
        openHandler = handler;
      },
    } as unknown as GuardableContents;
    const openExternal = vi.fn();
    installNavigationGuards(contents, openExternal);
    expect([...handlers.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);

    const away = { preventDefault: vi.fn(), url: 'https://example.org/' };
    handlers.get('will-navigate')!(away);
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn(), url: 'app://netdesigner/index.html' };
    handlers.get('will-navigate')!(home);
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn(), url: '' };
    handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler!({ url: 'file:///x' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('deny everything but clipboard writes from the app page', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'hid',
      'serial',
      'openExternal',
    ]) {
      expect(isPermissionAllowed(permission, true)).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', true)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', false)).toBe(false);
  });

  it('install request, check and device handlers that answer accordingly', () => {
    let request:
      | ((
          contents: { getURL(): string },
          permission: string,
          callback: (ok: boolean) => void,
        ) => void)
      | undefined;
    let check: ((contents: unknown, permission: string, origin: string) => boolean) | undefined;
    let device: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: (h: typeof device) => (device = h),
    };
    installPermissionHandlers(session as never, (url) => url.startsWith('app://netdesigner'));
    const answers: boolean[] = [];
    request!({ getURL: () => 'app://netdesigner/index.html' }, 'media', (ok) => answers.push(ok));
    request!({ getURL: () => 'app://netdesigner/index.html' }, 'clipboard-sanitized-write', (ok) =>
      answers.push(ok),
    );
    expect(answers).toEqual([false, true]);
    expect(check!(null, 'geolocation', 'app://netdesigner')).toBe(false);
    expect(device!()).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

  it('runs only the app own scripts: no inline, no eval, no remote', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('forbids plugins, frames, base rewriting and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});
