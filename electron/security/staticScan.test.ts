/**
 * An offline stand-in for `npx @doyensec/electronegativity` (not installable here): scans the
 * shell's sources for the settings and calls it flags as high severity.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ELECTRON_DIR = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

const files = sourceFiles(ELECTRON_DIR).map((path) => ({
  name: relative(ELECTRON_DIR, path),
  // Comments may mention the dangerous settings; only code counts.
  code: readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1'),
}));

/** Electronegativity checks (name → pattern that must not appear in code). */
const FORBIDDEN: [string, RegExp][] = [
  ['NODE_INTEGRATION_HTML_SCRIPTS_JS_CHECK', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['CONTEXT_ISOLATION_JS_CHECK', /contextIsolation\s*:\s*false/],
  ['SANDBOX_JS_CHECK', /sandbox\s*:\s*false/],
  ['WEB_SECURITY_JS_CHECK', /webSecurity\s*:\s*false/],
  ['ALLOW_RUNNING_INSECURE_CONTENT_JS_CHECK', /allowRunningInsecureContent\s*:\s*true/],
  ['EXPERIMENTAL_FEATURES_JS_CHECK', /experimentalFeatures\s*:\s*true/],
  ['ENABLE_BLINK_FEATURES_JS_CHECK', /enableBlinkFeatures/],
  ['WEBVIEW_TAG', /webviewTag\s*:\s*true/],
  ['INSECURE_CONTENT / remote code', /loadURL\(\s*['"`]https?:/],
  ['OPEN_EXTERNAL_JS_CHECK (unchecked)', /openExternal\((?!url\))/],
  ['REMOTE_MODULE_JS_CHECK', /@electron\/remote|enableRemoteModule/],
  ['DANGEROUS_FUNCTIONS_JS_CHECK', /\beval\(|new Function\(/],
  ['CERTIFICATE_VERIFY_PROC_JS_CHECK', /setCertificateVerifyProc|certificate-error/],
  [
    'PRELOAD leaks ipcRenderer',
    /exposeInMainWorld\(\s*['"`]\w+['"`]\s*,\s*(ipcRenderer\b|\{[^}]*\bipcRenderer\b)/,
  ],
  ['INSECURE_CONTENT (http loads)', /['"`]http:\/\/(?!127\.0\.0\.1)/],
];

describe('static security scan of electron/', () => {
  it('finds the shell sources', () => {
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['main.ts', 'preload.ts']));
  });

  it.each(FORBIDDEN)('%s: not present', (_check, pattern) => {
    const offenders = files.filter((f) => pattern.test(f.code)).map((f) => f.name);
    expect(offenders).toEqual([]);
  });

  it('every shell.openExternal call site goes through the http(s)-only guard', () => {
    const callers = files.filter((f) => /shell\.openExternal\(/.test(f.code)).map((f) => f.name);
    expect(callers).toEqual([expect.stringMatching(/app[/\\]mainWindow\.ts$/)]);
    const mainWindow = files.find((f) => f.name.endsWith('mainWindow.ts'))!.code;
    expect(mainWindow).toMatch(
      /installNavigationGuards\(win\.webContents, \(url\) => shell\.openExternal\(url\)\)/,
    );
  });

  it('the preload exposes named bridges only', () => {
    const preload = files.find((f) => f.name === 'preload.ts')!.code;
    const exposed = [...preload.matchAll(/exposeInMainWorld\('(\w+)'/g)].map((m) => m[1]);
    expect(exposed).toEqual(['netd', 'netdDesktop', 'netdDialogs']);
  });

  it('the renderer is served by the app:// protocol with the CSP on every response', () => {
    const protocol = files.find((f) => f.name.endsWith('appProtocol.ts'))!.code;
    expect(protocol).toMatch(/'content-security-policy': CONTENT_SECURITY_POLICY/);
  });
});
