import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, removeTempDirs, writeIdxFolder } from '../data/testing/fixtures.ts';
import { convPoolNet } from '../../network/testDocs.ts';
import { createRunStore } from '../runs/runStore.ts';
import { netdTrain as netd } from './testing.ts';

afterAll(removeTempDirs);

function networkFile(shape: [number, number, number], classes: number): string {
  const file = join(tempDir('netd-cli-'), 'tiny.netd.json');
  writeFileSync(file, JSON.stringify(convPoolNet(shape, classes)));
  return file;
}

describe('netd train', () => {
  it('--json prints one event per line, ends with the done summary and saves the run', async () => {
    const runs = tempDir('netd-cli-runs-');
    const file = networkFile([16, 16, 3], 4);
    const r = await netd([
      'train',
      file,
      '--data',
      'synthetic',
      '--epochs',
      '2',
      '--limit',
      '160',
      '--test-limit',
      '40',
      '--backend',
      'wasm',
      '--out',
      runs,
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].event).toBe('started');
    const done = lines.at(-1);
    expect(done).toMatchObject({ event: 'done', backend: 'wasm', stopped: false });
    for (const key of ['testAccuracy', 'valAccuracy', 'trainLoss', 'imagesPerSecond'])
      expect(typeof done[key]).toBe('number');
    // The documented summary keys come first, in the documented order.
    expect(Object.keys(done).slice(0, 6)).toEqual([
      'event',
      'testAccuracy',
      'valAccuracy',
      'trainLoss',
      'imagesPerSecond',
      'backend',
    ]);
    expect(await createRunStore(runs).list()).toMatchObject([{ status: 'done', epochsDone: 2 }]);
  });

  it('prints plain progress lines without a terminal', async () => {
    const r = await netd([
      'train',
      networkFile([16, 16, 1], 4),
      '--data',
      'synthetic',
      '--epochs',
      '1',
      '--limit',
      '64',
      '--test-limit',
      '16',
      '--backend',
      'wasm',
      '--out',
      tempDir(),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Training on synthetic \(4 classes/);
    expect(r.out).toMatch(/epoch 1\/1 {2}train loss \d\.\d{4} acc/);
    expect(r.out).toMatch(/Done: test accuracy \d+\.\d%/);
    expect(r.out).not.toMatch(/\r/);
  });

  it('--adapt adapts the design to the data first and says what changed', async () => {
    const r = await netd([
      'train',
      networkFile([16, 16, 1], 10),
      '--data',
      'synthetic',
      '--adapt',
      '--epochs',
      '1',
      '--limit',
      '32',
      '--test-limit',
      '8',
      '--backend',
      'wasm',
      '--out',
      tempDir(),
    ]);
    expect(r.code).toBe(0);
    // Synthetic data is drawn at the network's size: only the classes change.
    expect(r.err).toMatch(/^Adapted to 4 classes: \S+ \(Dense\) units 10 → 4\.\n/);
    expect(r.out).toMatch(/^Training on synthetic \(4 classes/);
  });

  it('exits 2 with one clear line for bad data, a misfit and bad arguments', async () => {
    const file = networkFile([16, 16, 3], 4);
    const missing = await netd(['train', file, '--data', '/no/such/folder']);
    expect(missing).toMatchObject({
      code: 2,
      out: '',
      err: 'netd train: data folder /no/such/folder does not exist\n',
    });
    const misfit = await netd(['train', networkFile([16, 16, 3], 10), '--data', 'synthetic']);
    expect(misfit.code).toBe(2);
    expect(misfit.err).toMatch(
      /^netd train: the data does not fit the network: the data has 4 classes .* set its units to 4 or use 'Adapt network to data' \(netd train --adapt\)\n$/,
    );
    const badLr = await netd(['train', file, '--data', 'synthetic', '--lr', 'fast']);
    expect(badLr.code).toBe(2);
    expect(badLr.err).toMatch(/--lr.*'fast' is invalid/);
    // A file whose header reads fine but whose data is cut short is only found while loading.
    const truncated = writeIdxFolder(join(tempDir(), 'idx'), { train: 40, test: 0, size: 16 });
    const images = join(truncated, 'train-images-idx3-ubyte');
    writeFileSync(images, readFileSync(images).subarray(0, 16 + 10 * 256));
    const cut = await netd([
      'train',
      networkFile([16, 16, 1], 10),
      '--data',
      truncated,
      '--out',
      tempDir(),
    ]);
    expect(cut).toMatchObject({ code: 2, out: '' });
    expect(cut.err).toMatch(/^netd train: .*train-images-idx3-ubyte is truncated: .* only 10\n$/);
    const noFile = await netd(['train', join(tempDir(), 'none.netd.json'), '--data', 'synthetic']);
    expect(noFile.code).toBe(2);
    expect(noFile.err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 naming the first design error, before reading any data', async () => {
    const doc = convPoolNet([16, 16, 3], 4);
    doc.nodes.find((n) => n.id === 'c2')!.params.filters = 0;
    const file = join(tempDir('netd-cli-'), 'broken.netd.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await netd(['train', file, '--data', '/no/such/folder']);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toMatch(
      /^netd train: .*broken\.netd\.json: the design cannot be trained yet: Conv2D 'c2': 'filters' .*see 'netd inspect .*broken\.netd\.json'\n$/,
    );
  });
});

describe('netd doctor', () => {
  it('prints the environment diagnosis', async () => {
    const r = await netd(['doctor']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Training will use: (wasm|cpu|tensorflow)/);
  });
});
