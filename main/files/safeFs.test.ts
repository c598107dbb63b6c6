/**
 * Saving keeps a file's identity (mode, symlink, hard links), folders are created without
 * `mkdir -p`, only regular files are read, and stale temp files of killed saves are cleaned.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOnnxFile } from '../interchange/onnx/read.ts';
import { createRecentFilesStore } from '../settings/index.ts';
import { readNetworkFile, writeFileAtomic } from './index.ts';
import { ensureDir, ensureDirSync } from './safeFs.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'netd-safefs-'));

describe('saving keeps the file it replaces', () => {
  it('keeps a 0600 mode', async () => {
    const file = join(dir(), 'a.netd.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('writes through a symlink to its target, leaving the link a link', async () => {
    const d = dir();
    writeFileSync(join(d, 'real.netd.json'), 'old');
    symlinkSync('real.netd.json', join(d, 'link.netd.json'));
    await writeFileAtomic(join(d, 'link.netd.json'), 'new');
    expect(lstatSync(join(d, 'link.netd.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'link.netd.json'))).toBe('real.netd.json');
    expect(readFileSync(join(d, 'real.netd.json'), 'utf8')).toBe('new');
  });

  it('keeps hard links: every name sees the new content', async () => {
    const d = dir();
    writeFileSync(join(d, 'a.json'), 'old');
    linkSync(join(d, 'a.json'), join(d, 'b.json'));
    await writeFileAtomic(join(d, 'a.json'), 'new');
    expect(readFileSync(join(d, 'b.json'), 'utf8')).toBe('new');
    expect(statSync(join(d, 'a.json')).nlink).toBe(2);
  });

  it('removes temp files that a killed save left behind, and keeps fresh ones', async () => {
    const d = dir();
    const stale = join(d, '.a.json.0123456789ab.tmp');
    const fresh = join(d, '.a.json.ba9876543210.tmp');
    writeFileSync(stale, 'half');
    writeFileSync(fresh, 'in progress');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(stale, hourAgo, hourAgo);
    // A killed writer's temp (its process is gone) goes at once; a live writer's stays.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const dead = join(d, `.a.json.${deadPid}-00112233aabb.tmp`);
    const live = join(d, `.a.json.${process.ppid}-00112233aabb.tmp`);
    writeFileSync(dead, 'half');
    writeFileSync(live, 'in progress');
    await writeFileAtomic(join(d, 'a.json'), 'x');
    expect(readdirSync(d).sort()).toEqual(
      ['.a.json.ba9876543210.tmp', `.a.json.${process.ppid}-00112233aabb.tmp`, 'a.json'].sort(),
    );
    expect(readdirSync(d)).not.toContain(basename(dead));
    expect(readdirSync(d)).toContain(basename(live));
  });
});

describe('the data folder is private', () => {
  it('is created 0700 with 0600 files', async () => {
    const home = join(dir(), 'netd-home');
    const store = createRecentFilesStore(join(home, 'recent-files.json'));
    await store.add({ path: '/x.netd.json', name: 'x' });
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'recent-files.json')).mode & 0o777).toBe(0o600);
  });
});

describe('folders are created safely', () => {
  it('creates the missing chain and refuses a file on the way', async () => {
    const d = dir();
    await ensureDir(join(d, 'a', 'b', 'c'));
    expect(statSync(join(d, 'a', 'b', 'c')).isDirectory()).toBe(true);
    writeFileSync(join(d, 'file'), '');
    await expect(ensureDir(join(d, 'file', 'x'))).rejects.toThrow(/file is not a folder/);
    expect(() => ensureDirSync(join(d, 'file', 'x'))).toThrow(/file is not a folder/);
  });

  it.skipIf(process.platform !== 'linux')(
    'refuses a destination under /proc instead of spinning',
    async () => {
      await expect(ensureDir('/proc/self/netd-export/model')).rejects.toThrow(
        /cannot create folder \/proc\/self\/netd-export/,
      );
    },
  );
});

describe('only regular files are opened', () => {
  it.skipIf(!statSync('/dev/zero', { throwIfNoEntry: false }))(
    'refuses /dev/zero without reading it',
    async () => {
      await expect(readNetworkFile('/dev/zero')).rejects.toThrow(/not a regular file/);
      // The same for an ONNX import (binary, with its own, larger cap).
      await expect(readOnnxFile('/dev/zero')).rejects.toThrow(/\/dev\/zero is not a regular file/);
    },
  );

  it.skipIf(spawnSync('mkfifo', ['--version']).status !== 0)(
    'refuses a FIFO without blocking',
    async () => {
      const fifo = join(dir(), 'pipe.netd.json');
      spawnSync('mkfifo', [fifo]);
      await expect(readNetworkFile(fifo)).rejects.toThrow(/not a regular file/);
    },
  );

  it('refuses a file above the size cap by its size', async () => {
    const file = join(dir(), 'big.netd.json');
    writeFileSync(file, '');
    spawnSync('truncate', ['-s', '100M', file]);
    await expect(readNetworkFile(file)).rejects.toThrow(/100 MB, more than the 32 MB/);
  });

  it('never echoes a file’s content in its error', async () => {
    const file = join(dir(), 'x.json');
    writeFileSync(file, 'SECRET-TOKEN-abc123 and more');
    const err = await readNetworkFile(file).catch((e: Error) => e);
    expect(String(err)).not.toMatch(/SECRET|S'/);
    writeFileSync(file, '{"format": "SECRET-TOKEN-abc123"}');
    const err2 = await readNetworkFile(file).catch((e: Error) => e);
    expect(String(err2)).toMatch(/found other text/);
    expect(String(err2)).not.toMatch(/SECRET/);
  });
});
