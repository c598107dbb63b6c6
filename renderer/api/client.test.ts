import { afterEach, describe, expect, it } from 'vitest';
import type { NetdApi } from '../../main/api/contract.ts';
import { api, connection } from './client.ts';

const g = globalThis as { window?: unknown };

afterEach(() => {
  delete g.window;
});

describe('api client under Electron', () => {
  it('forwards every call to window.netd and reports an always-open link', async () => {
    const calls: unknown[] = [];
    const netd = {
      hostInfo: async () => ({ kind: 'desktop' }),
      filesOpen: async (req: unknown) => {
        calls.push(req);
        return { path: '/a', doc: null };
      },
      onTrainingEvent: () => () => undefined,
    } as unknown as NetdApi;
    g.window = { netd, location: { search: '', protocol: 'file:', host: '' } };
    await expect(api.hostInfo()).resolves.toEqual({ kind: 'desktop' });
    await expect(api.filesOpen({ path: '/a' })).resolves.toEqual({ path: '/a', doc: null });
    expect(calls).toEqual([{ path: '/a' }]);
    expect(connection.getState().status).toBe('open');
    expect(api.onTrainingEvent(() => undefined)).toBeTypeOf('function');
  });
});
