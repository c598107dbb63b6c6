import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NetworkDoc } from '../network/types.ts';
import type { NetdApi } from './contract.ts';
import type { DataDescription } from '../training/types.ts';
import { createApi, type ApiTrainingService } from './createApi.ts';
import { dispatchApiCall } from './dispatch.ts';
import { tinyDoc } from '../network/testDocs.ts';

let base: string;
let homeDir: string;
let dataDir: string;
let api: NetdApi;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'netd-api-'));
  homeDir = join(base, 'files');
  dataDir = join(base, 'netd-home');
  await mkdir(homeDir);
  api = createApi({ host: 'web', homeDir, dataDir });
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Calls through the dispatcher, as a host does, and unwraps the result. */
async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const reply = await dispatchApiCall(api, channel, payload, () => undefined);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
}

describe('files: save, open, recent', () => {
  it('saves a network, lists it as recent, and opens the same network back', async () => {
    const doc = tinyDoc();
    const saved = await call<{ path: string }>('files:save', { path: 'tiny', doc });
    expect(saved.path).toBe(join(homeDir, 'tiny.netd.json'));
    expect(JSON.parse(await readFile(saved.path, 'utf8'))).toMatchObject({ name: 'Tiny' });

    const opened = await call<{ path: string; doc: NetworkDoc }>('files:open', {
      path: saved.path,
    });
    expect(opened.path).toBe(saved.path);
    expect(opened.doc).toEqual(doc);

    await call('files:save', { path: 'other.netd.json', doc: { ...doc, name: 'Other' } });
    const recent = await call<{ path: string; name: string }[]>('files:recent');
    expect(recent.map((r) => [r.name, r.path])).toEqual([
      ['Other', join(homeDir, 'other.netd.json')],
      ['Tiny', saved.path],
    ]);
    // Recent files live in NETD_HOME, so a fresh API over the same folders still sees them.
    const again = createApi({ host: 'web', homeDir, dataDir });
    expect((await again.filesRecent()).map((r) => r.name)).toEqual(['Other', 'Tiny']);
  });

  it('says clearly when a file cannot be opened', async () => {
    await writeFile(join(homeDir, 'broken.netd.json'), '{ nope');
    const missing = await dispatchApiCall(api, 'files:open', { path: 'missing.netd.json' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'file-error' } });
    if (!missing.ok) expect(missing.error.message).toContain(join(homeDir, 'missing.netd.json'));
    const broken = await dispatchApiCall(api, 'files:open', { path: 'broken.netd.json' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'file-error' } });
    expect(await call('files:recent')).toEqual([]);
  });

  it('drops a recent file that no longer exists when opening it fails', async () => {
    const { path } = await call<{ path: string }>('files:save', { path: 'gone', doc: tinyDoc() });
    await rm(path);
    const reply = await dispatchApiCall(api, 'files:open', { path });
    expect(reply).toMatchObject({ ok: false, error: { code: 'file-error' } });
    expect(await call('files:recent')).toEqual([]);
  });

  it('lists folders first, then JSON files, with the parent', async () => {
    await mkdir(join(homeDir, 'nets'));
    await writeFile(join(homeDir, 'notes.txt'), 'x');
    await writeFile(join(homeDir, '.hidden.json'), '{}');
    await call('files:save', { path: 'a.netd.json', doc: tinyDoc() });
    const listing = await call<{ dir: string; parent: string; entries: unknown[] }>('files:list');
    expect(listing.dir).toBe(homeDir);
    expect(listing.parent).toBe(base);
    expect(listing.entries).toEqual([
      { name: 'nets', path: join(homeDir, 'nets'), kind: 'dir' },
      { name: 'a.netd.json', path: join(homeDir, 'a.netd.json'), kind: 'file' },
    ]);
    const missing = await dispatchApiCall(api, 'files:list', { dir: 'nowhere' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('recovery', () => {
  it('writes, reads and clears the recovery snapshot in NETD_HOME', async () => {
    expect(await call('recovery:read')).toBeNull();
    await call('recovery:write', { doc: tinyDoc(), path: 'tiny.netd.json' });
    const snapshot = await call<{ doc: NetworkDoc; path: string; savedAt: string }>(
      'recovery:read',
    );
    expect(snapshot.doc).toEqual(tinyDoc());
    expect(snapshot.path).toBe(join(homeDir, 'tiny.netd.json'));
    expect(Number.isNaN(Date.parse(snapshot.savedAt))).toBe(false);
    await call('recovery:clear');
    expect(await call('recovery:read')).toBeNull();
  });
});

describe('design calls', () => {
  it('reports the host', async () => {
    expect(await call('host:info')).toMatchObject({ kind: 'web', homeDir });
  });

  it('lists templates with their torchvision counts and loads one adapted', async () => {
    const templates = await call<{ id: string; trainableParams: number }[]>('templates:list');
    expect(templates.find((t) => t.id === 'resnet50')?.trainableParams).toBe(25_557_032);
    const loaded = await call<{ doc: NetworkDoc }>('templates:load', {
      id: 'resnet18',
      input: [32, 32, 3],
      classes: 10,
    });
    const analysis = await api.networkAnalyze({ doc: loaded.doc });
    expect(analysis.valid).toBe(true);
    const unknown = await dispatchApiCall(api, 'templates:load', { id: 'resnet9000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!unknown.ok) expect(unknown.error.message).toContain('resnet50');
  });

  it('serves the first-start example, which is a valid network', async () => {
    const example = await call<NetworkDoc>('network:example');
    const analysis = await api.networkAnalyze({ doc: example });
    expect(analysis.valid).toBe(true);
    expect(analysis.totals.trainableParams).toBeGreaterThan(0);
  });

  it('expands a composite block and refuses an unknown node', async () => {
    const loaded = await api.templatesLoad({ id: 'resnet18' });
    const block = loaded.doc.nodes.find((n) => n.type === 'ResidualBlock');
    expect(block).toBeDefined();
    const expanded = await call<NetworkDoc>('network:expandNode', {
      doc: loaded.doc,
      nodeId: block!.id,
    });
    expect(expanded.nodes.some((n) => n.id === block!.id && n.type === 'ResidualBlock')).toBe(
      false,
    );
    const missing = await dispatchApiCall(api, 'network:expandNode', {
      doc: loaded.doc,
      nodeId: 'ghost',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lists the layer catalog', async () => {
    const catalog = await call<{ type: string }[]>('catalog:list');
    expect(catalog.map((l) => l.type)).toEqual(expect.arrayContaining(['Conv2D', 'Inception']));
  });
});

describe('training without a service', () => {
  it('rejects every training call with a clear message', async () => {
    const result = await dispatchApiCall(api, 'runs:list', undefined);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'training-unavailable',
        message: 'Training is not available in this host (no training service was started).',
      },
    });
    expect(api.onTrainingEvent(() => undefined)).toBeTypeOf('function');
  });
});

describe('training with a service', () => {
  it('passes built-in data names through and resolves folders against the home folder', async () => {
    const specs: string[] = [];
    const fail = async (): Promise<never> => {
      throw new Error('not used');
    };
    const training: ApiTrainingService = {
      start: fail,
      stop: fail,
      onEvent: () => () => undefined,
      environment: fail,
      describeData: async (spec) => {
        specs.push(spec);
        return { spec } as unknown as DataDescription;
      },
      runs: { list: fail, get: fail, delete: fail, exportModel: fail },
    };
    const withTraining = createApi({ host: 'web', homeDir, dataDir, training });
    for (const spec of ['synthetic', 'Fashion-MNIST', ' digits ', '/data/cifar'])
      await withTraining.trainingDescribeData({ spec });
    expect(specs).toEqual(['synthetic', 'Fashion-MNIST', join(homeDir, 'digits'), '/data/cifar']);
  });
});
