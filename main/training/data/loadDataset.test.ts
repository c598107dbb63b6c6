import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeData, loadDataset } from './loadDataset.ts';
import { MAX_SPLIT_BYTES, allocSplit } from './dataset.ts';
import { FASHION_MNIST_CLASSES, FASHION_MNIST_DIR } from './idx.ts';
import {
  idxBytes,
  imageBytes,
  removeTempDirs,
  tempDir,
  writeCifarFolder,
  writeIdxFolder,
  writeImageFolder,
} from './testing/fixtures.ts';

afterAll(removeTempDirs);

describe('synthetic shapes', () => {
  it('is described as 32×32×3 with four shape classes', async () => {
    const d = await describeData('synthetic');
    expect(d).toMatchObject({
      format: 'synthetic',
      inputShape: [32, 32, 3],
      classes: ['circle', 'square', 'triangle', 'cross'],
    });
  });

  it('is drawn at the requested size, in [0,1], balanced and reproducible from the seed', async () => {
    const a = await loadDataset('synthetic', {
      inputShape: [16, 16, 1],
      limit: 200,
      testLimit: 40,
      seed: 3,
    });
    const b = await loadDataset('synthetic', {
      inputShape: [16, 16, 1],
      limit: 200,
      testLimit: 40,
      seed: 3,
    });
    const c = await loadDataset('synthetic', {
      inputShape: [16, 16, 1],
      limit: 200,
      testLimit: 40,
      seed: 4,
    });
    expect(a.train.count).toBe(200);
    expect(a.test.count).toBe(40);
    expect(a.train.images.length).toBe(200 * 16 * 16);
    expect(Math.min(...a.train.images)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a.train.images)).toBeLessThanOrEqual(1);
    const counts = [0, 0, 0, 0];
    for (const l of a.train.labels) counts[l]!++;
    for (const n of counts) expect(n).toBeGreaterThan(30);
    expect(a.train.images).toEqual(b.train.images);
    expect(a.train.images).not.toEqual(c.train.images);
  });
});

describe('MNIST-format folders', () => {
  for (const gzip of [false, true]) {
    it(`loads ${gzip ? 'gzipped' : 'raw'} idx files, only as many as the limit asks`, async () => {
      const dir = writeIdxFolder(join(tempDir(), 'digits'), { train: 50, test: 20, size: 4, gzip });
      const d = await describeData(dir);
      expect(d).toMatchObject({
        format: 'idx',
        inputShape: [4, 4, 1],
        trainCount: 50,
        testCount: 20,
      });
      expect(d.classes).toHaveLength(10);
      const ds = await loadDataset(dir, { limit: 12, testLimit: 5 });
      expect(ds.train.count).toBe(12);
      expect(ds.test.count).toBe(5);
      expect(Array.from(ds.train.labels.slice(0, 3))).toEqual([0, 1, 2]);
      expect(ds.train.images[16 * 2]).toBeCloseTo(20 / 255);
    });
  }

  it('names a truncated file', async () => {
    const dir = join(tempDir(), 'trunc');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'train-images-idx3-ubyte'),
      idxBytes([100, 4, 4], new Uint8Array(10 * 16)),
    );
    writeFileSync(join(dir, 'train-labels-idx1-ubyte'), idxBytes([100], new Uint8Array(100)));
    await expect(loadDataset(dir)).rejects.toThrow(
      /train-images-idx3-ubyte is truncated: its header promises 100 images .* only 10/,
    );
  });

  it('names a truncated gzip stream', async () => {
    const dir = writeIdxFolder(join(tempDir(), 'gz'), { train: 200, test: 0, size: 8, gzip: true });
    const file = join(dir, 'train-images-idx3-ubyte.gz');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(loadDataset(dir)).rejects.toThrow(/train-images-idx3-ubyte\.gz is truncated/);
  });

  it('names a file with the wrong magic number', async () => {
    const dir = writeIdxFolder(join(tempDir(), 'magic'), { train: 4, test: 0 });
    writeFileSync(
      join(dir, 'train-labels-idx1-ubyte'),
      Buffer.from([1, 2, 3, 4, 0, 0, 0, 4, 0, 0, 0, 0]),
    );
    await expect(describeData(dir)).rejects.toThrow(
      /train-labels-idx1-ubyte has the wrong magic number 0x01020304/,
    );
  });

  it.skipIf(!existsSync(FASHION_MNIST_DIR))(
    'reads Fashion-MNIST headers and a 500-image subset',
    async () => {
      const d = await describeData('fashion-mnist');
      expect(d).toMatchObject({
        format: 'idx',
        inputShape: [28, 28, 1],
        trainCount: 60000,
        testCount: 10000,
        classes: FASHION_MNIST_CLASSES,
      });
      const ds = await loadDataset('fashion-mnist', { limit: 500, testLimit: 100 });
      expect(ds.train.count).toBe(500);
      expect(new Set(ds.train.labels).size).toBe(10);
    },
  );
});

describe('CIFAR-10 binary batches', () => {
  it('reads records across batch files as channels-last images with the meta class names', async () => {
    const dir = writeCifarFolder(join(tempDir(), 'cifar'), { perBatch: 6, batches: 2, test: 4 });
    const d = await describeData(dir);
    expect(d).toMatchObject({
      format: 'cifar10',
      inputShape: [32, 32, 3],
      trainCount: 12,
      testCount: 4,
    });
    expect(d.classes[9]).toBe('truck');
    const ds = await loadDataset(dir, { limit: 8 });
    expect(ds.train.count).toBe(8);
    expect(ds.train.labels[7]).toBe(1); // the second record of the second batch
    const px = ds.train.images.subarray(3072 * 3, 3072 * 3 + 3);
    expect(Array.from(px).map((v) => Math.round(v * 255))).toEqual([3, 100, 200]);
  });

  it('names a truncated batch', async () => {
    const dir = writeCifarFolder(join(tempDir(), 'cifar-bad'), {
      perBatch: 2,
      batches: 1,
      test: 1,
    });
    writeFileSync(join(dir, 'data_batch_1.bin'), Buffer.alloc(3073 + 100));
    await expect(describeData(dir)).rejects.toThrow(/data_batch_1\.bin is truncated/);
  });
});

describe('image folders', () => {
  it('decodes PNG and JPEG, resizes to the network input and converts channels', async () => {
    const dir = writeImageFolder(join(tempDir(), 'imgs'), { perClass: 5, width: 12, height: 10 });
    const d = await describeData(dir);
    expect(d).toMatchObject({
      format: 'image-folder',
      inputShape: [10, 12, 3],
      classes: ['blue', 'red'],
      trainCount: 8,
      testCount: 2,
    });
    const ds = await loadDataset(dir, { inputShape: [6, 6, 1] });
    expect(ds.train.images.length).toBe(8 * 36);
    for (let i = 0; i < ds.train.count; i++) {
      const lum = ds.train.images[i * 36 + 10]!;
      // BT.601 luminance of pure-ish red is ~0.28, of blue ~0.12
      expect(lum).toBeCloseTo(ds.train.labels[i] === 1 ? 0.283 : 0.125, 1);
    }
  });

  it('names an unreadable image', async () => {
    const dir = writeImageFolder(join(tempDir(), 'broken'), { perClass: 2, width: 4, height: 4 });
    writeFileSync(join(dir, 'red', 'r0.png'), Buffer.from('not really a png'));
    await expect(loadDataset(dir, { inputShape: [4, 4, 3] })).rejects.toThrow(
      /cannot decode image .*red\/r0\.png/,
    );
  });

  it('names an empty class folder', async () => {
    const dir = writeImageFolder(join(tempDir(), 'empty'), { perClass: 2, width: 4, height: 4 });
    mkdirSync(join(dir, 'green'));
    await expect(describeData(dir)).rejects.toThrow(
      /class folder .*green has no PNG or JPEG images/,
    );
  });

  it('explains a folder with no classes and a missing folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    await expect(describeData(dir)).rejects.toThrow(
      /holds no data NetDesigner recognises.*no classes found/,
    );
    await expect(describeData(join(dir, 'nope'))).rejects.toThrow(
      /data folder .*nope does not exist/,
    );
  });

  it('uses train/ and test/ folders when present', async () => {
    const root = tempDir();
    writeImageFolder(join(root, 'train'), { perClass: 3, width: 4, height: 4 });
    writeImageFolder(join(root, 'test'), { perClass: 1, width: 4, height: 4 });
    writeFileSync(join(root, 'test', 'red', 'extra.png'), imageBytes('png', 4, 4, [255, 0, 0]));
    const d = await describeData(root);
    expect(d).toMatchObject({ trainCount: 6, testCount: 3, classes: ['blue', 'red'] });
  });

  it('holds out a fifth of a train/ folder that has no test/ beside it', async () => {
    const root = tempDir();
    writeImageFolder(join(root, 'train'), { perClass: 5, width: 4, height: 4 });
    const d = await describeData(root);
    expect(d).toMatchObject({ trainCount: 8, testCount: 2, classes: ['blue', 'red'] });
  });

  it('refuses more images than memory allows, saying how many fit', () => {
    const fit = Math.floor(MAX_SPLIT_BYTES / (224 * 224 * 3 * 4));
    expect(() => allocSplit(1_000_000, [224, 224, 3])).toThrow(
      new RegExp(`^1000000 images of 224×224×3 need 560\\.8 GB .* use at most ${fit} images`),
    );
  });
});
