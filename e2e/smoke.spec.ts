import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import type { NetworkAnalysis, NetworkDoc } from '../main/network/types.ts';
import { api, openApp, readTotals, screenshot } from './helpers/app.ts';
import { expect, test } from './helpers/test.ts';

test('opens on the first-start example with its totals', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  const example = await api<NetworkDoc>(page, 'network:example');
  const analysis = await api<NetworkAnalysis>(page, 'network:analyze', { doc: example });
  expect(example.nodes.length).toBeGreaterThan(1);
  await expect(page.locator('.react-flow__node')).toHaveCount(example.nodes.length);
  for (const node of example.nodes) {
    await expect(page.locator(`.react-flow__node[data-id="${node.id}"]`)).toBeVisible();
  }
  const totals = await readTotals(page);
  expect(totals.trainableParams).toBe(analysis.totals.trainableParams);
  expect(totals.trainableParams).toBeGreaterThan(0);
  expect(totals.macs).not.toBe('');
  await screenshot(page, 'first-start');
});

test('the page sends a strict Content-Security-Policy', async ({ page, appUrl }) => {
  const response = await page.goto(appUrl);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
});

test('requests without the session token are refused', async ({ appServer, playwright }) => {
  const anonymous = await playwright.request.newContext();
  expect((await anonymous.get(`${appServer.origin}/`)).status()).toBe(403);
  expect((await anonymous.get(`${appServer.origin}/?token=wrong`)).status()).toBe(403);
  expect((await anonymous.get(`${appServer.origin}/index.html`)).status()).toBe(403);
  expect((await anonymous.get(appServer.url)).status()).toBe(200);
  await anonymous.dispose();

  await expect(openSocket(`ws://127.0.0.1:${appServer.port}/api`)).rejects.toThrow(/403/);
  await expect(openSocket(`ws://127.0.0.1:${appServer.port}/api?token=wrong`)).rejects.toThrow(
    /403/,
  );
  // The right token from a foreign page (cross-site WebSocket) is refused too.
  await expect(
    openSocket(`ws://127.0.0.1:${appServer.port}/api?token=${appServer.token}`, {
      origin: 'http://evil.example',
    }),
  ).rejects.toThrow(/403/);
  await expect(
    openSocket(`ws://127.0.0.1:${appServer.port}/api?token=${appServer.token}`),
  ).resolves.toBe('open');
});

test('a DNS-rebinding Host header is refused even with the token', async ({ appServer }) => {
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: appServer.port,
        path: `/?token=${appServer.token}`,
        headers: { Host: `attacker.example:${appServer.port}` },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
  expect(status).toBe(403);
});

/** Resolves 'open' when the socket opens; rejects with ws's error (e.g. "Unexpected server response: 403"). */
function openSocket(url: string, options: { origin?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('error', reject);
  });
}
