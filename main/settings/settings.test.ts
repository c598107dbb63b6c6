import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NetworkDoc } from '../network/types.ts';
import { createRecentFilesStore, MAX_RECENT_FILES } from './recentFiles.ts';
import { createRecoveryStore } from './recovery.ts';
import { dataPaths, resolveDataDir } from './dataDir.ts';

const doc: NetworkDoc = {
  format: 'netdesigner.network',
  version: 1,
  name: 'Tiny',
  nodes: [{ id: 'in', type: 'Input', params: { shape: [8, 8, 1] } }],
  edges: [],
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netd-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveDataDir', () => {
  it('uses NETD_HOME when set and ~/.netdesigner otherwise', () => {
    expect(resolveDataDir({ NETD_HOME: '/tmp/x' }, '/home/u')).toBe('/tmp/x');
    expect(resolveDataDir({}, '/home/u')).toBe('/home/u/.netdesigner');
    expect(resolveDataDir({ NETD_HOME: '  ' }, '/home/u')).toBe('/home/u/.netdesigner');
  });
});

describe('recent files', () => {
  it('keeps the most recent first, one entry per path, at most ten', async () => {
    const store = createRecentFilesStore(dataPaths(dir).recentFiles);
    expect(await store.list()).toEqual([]);
    for (let i = 0; i < 12; i++) await store.add({ path: `/n/${i}.netd.json`, name: `N${i}` });
    await store.add({ path: '/n/5.netd.json', name: 'N5' });
    const list = await createRecentFilesStore(dataPaths(dir).recentFiles).list();
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]?.path).toBe('/n/5.netd.json');
    expect(list[1]?.path).toBe('/n/11.netd.json');
    expect(list.filter((f) => f.path === '/n/5.netd.json')).toHaveLength(1);
    expect(list.some((f) => f.path === '/n/0.netd.json')).toBe(false);
  });

  it('does not lose entries when adds race', async () => {
    const store = createRecentFilesStore(dataPaths(dir).recentFiles);
    await Promise.all([1, 2, 3].map((i) => store.add({ path: `/r/${i}`, name: `R${i}` })));
    expect((await store.list()).map((f) => f.path).sort()).toEqual(['/r/1', '/r/2', '/r/3']);
  });

  it('reads a corrupt file as empty and leaves no temp files after writing', async () => {
    const file = dataPaths(dir).recentFiles;
    await writeFile(file, '{ not json');
    const store = createRecentFilesStore(file);
    expect(await store.list()).toEqual([]);
    await store.add({ path: '/a', name: 'A' });
    expect(await readdir(dir)).toEqual(['recent-files.json']);
    expect(JSON.parse(await readFile(file, 'utf8')).files[0].path).toBe('/a');
  });

  it('removes a path', async () => {
    const store = createRecentFilesStore(dataPaths(dir).recentFiles);
    await store.add({ path: '/a', name: 'A' });
    await store.add({ path: '/b', name: 'B' });
    expect((await store.remove('/a')).map((f) => f.path)).toEqual(['/b']);
  });
});

describe('recovery file', () => {
  it('writes, reads back and clears a snapshot', async () => {
    const store = createRecoveryStore(dataPaths(join(dir, 'home')).recovery);
    expect(await store.read()).toBeNull();
    await store.write(doc, '/work/tiny.netd.json', new Date('2026-01-02T03:04:05Z'));
    expect(await store.read()).toEqual({
      doc,
      path: '/work/tiny.netd.json',
      savedAt: '2026-01-02T03:04:05.000Z',
    });
    await store.clear();
    expect(await store.read()).toBeNull();
    await store.clear(); // clearing twice is fine
  });

  it('answers a read with the last write that arrived before it, even while that write runs', async () => {
    // A reload right after an edit: the leaving page's last write reaches the host just before
    // the new page asks what to restore; the answer must be that write, not the one before it.
    const store = createRecoveryStore(dataPaths(join(dir, 'home')).recovery);
    await store.write(doc, null);
    const later = { ...doc, name: 'Edited just before leaving' };
    const writing = store.write(later, null);
    const read = store.read();
    await writing;
    expect((await read)?.doc.name).toBe('Edited just before leaving');
    const cleared = store.clear();
    expect(await store.read()).toBeNull();
    await cleared;
  });

  it('ignores a recovery file that is not a snapshot', async () => {
    const file = dataPaths(dir).recovery;
    await writeFile(file, JSON.stringify({ version: 1, doc: { name: 'x' }, path: null }));
    expect(await createRecoveryStore(file).read()).toBeNull();
  });
});
