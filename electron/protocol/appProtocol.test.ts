import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security/contentSecurityPolicy.ts';
import { createAppProtocolHandler, resolveAppFile } from './appProtocol.ts';
import { isAppUrl } from './appUrl.ts';

function rendererFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'netd-renderer-'));
  const dist = join(root, 'renderer');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>NetDesigner</title>');
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  return dist;
}

describe('app:// protocol', () => {
  it('serves the entry page and assets with their type and the CSP', async () => {
    const handler = createAppProtocolHandler(rendererFixture());
    const page = await handler(new Request('app://netdesigner/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>NetDesigner</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const script = await handler(new Request('app://netdesigner/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await handler(new Request('app://netdesigner/'))).status).toBe(200);
  });

  it.each([
    'app://netdesigner/../secret.txt',
    'app://netdesigner/%2e%2e/secret.txt',
    'app://netdesigner/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://netdesigner/missing.js',
    'app://other-host/index.html',
  ])('answers 404 for %s', async (url) => {
    const handler = createAppProtocolHandler(rendererFixture());
    const response = await handler(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('maps only URLs of the app host inside the renderer folder', () => {
    const dist = rendererFixture();
    expect(resolveAppFile(dist, 'app://netdesigner/assets/index-abc.js')).toBe(
      join(dist, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(dist, 'https://netdesigner/index.html')).toBeNull();
    expect(resolveAppFile(dist, 'app://netdesigner/%E0%A4%A')).toBeNull();
  });

  it('recognises its own URLs only', () => {
    expect(isAppUrl('app://netdesigner/index.html#/x')).toBe(true);
    expect(isAppUrl('app://netdesigner.evil.com/index.html')).toBe(false);
    expect(isAppUrl('file:///app/index.html')).toBe(false);
  });
});
