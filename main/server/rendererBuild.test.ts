import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, rendererBuildState } from './rendererBuild.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'netd-build-'));
  await mkdir(join(root, 'renderer', 'canvas'), { recursive: true });
  await writeFile(join(root, 'renderer', 'canvas', 'Canvas.tsx'), 'export {}');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function touch(path: string, secondsAgo: number): Promise<void> {
  const when = new Date(Date.now() - secondsAgo * 1000);
  await utimes(path, when, when);
}

describe('rendererBuildState', () => {
  it('is missing without dist/renderer/index.html', async () => {
    expect(await rendererBuildState(root)).toBe('missing');
  });

  it('is stale when a renderer source is newer than the build, current otherwise', async () => {
    await mkdir(join(root, 'dist', 'renderer'), { recursive: true });
    const index = join(root, 'dist', 'renderer', 'index.html');
    await writeFile(index, '<!doctype html>');
    await touch(join(root, 'renderer', 'canvas', 'Canvas.tsx'), 100);
    await touch(index, 50);
    expect(await rendererBuildState(root)).toBeNull();
    const logged: string[] = [];
    await ensureRendererBuilt(root, (line) => logged.push(line));
    expect(logged).toEqual([]); // current: nothing to build
    await touch(join(root, 'renderer', 'canvas', 'Canvas.tsx'), 10);
    expect(await rendererBuildState(root)).toBe('stale');
  });

  it('is stale when the one main/ module the renderer bundles changed', async () => {
    await mkdir(join(root, 'dist', 'renderer'), { recursive: true });
    await mkdir(join(root, 'main', 'training'), { recursive: true });
    const index = join(root, 'dist', 'renderer', 'index.html');
    const vocabulary = join(root, 'main', 'training', 'vocabulary.ts');
    await writeFile(index, '<!doctype html>');
    await writeFile(vocabulary, 'export {}');
    await touch(join(root, 'renderer', 'canvas', 'Canvas.tsx'), 100);
    await touch(vocabulary, 100);
    await touch(index, 50);
    expect(await rendererBuildState(root)).toBeNull();
    await touch(vocabulary, 10);
    expect(await rendererBuildState(root)).toBe('stale');
  });
});
