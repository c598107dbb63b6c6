/**
 * Data folders built to hurt: images whose headers declare gigapixels, giant sparse files, idx
 * headers that promise more than the file holds, FIFOs and devices under data names, one class.
 * Each is refused with a message naming the file, without decoding, blocking or allocating what
 * the header claims.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { describeData, loadDataset } from './loadDataset.ts';
import { MAX_IMAGE_FILE_BYTES, readImageHeader } from './imageHeader.ts';
import {
  idxBytes,
  imageBytes,
  removeTempDirs,
  tempDir,
  writeIdxFolder,
  writeImageFolder,
} from './testing/fixtures.ts';
import { jpegHeaderOnly, pngHeaderOnly } from './testing/hostileImages.ts';

afterAll(removeTempDirs);

/** Two class folders holding the given first image (and a normal one beside it). */
function folderWith(name: string, bytes: Buffer): string {
  const dir = writeImageFolder(join(tempDir(), 'imgs'), { perClass: 2, width: 4, height: 4 });
  writeFileSync(join(dir, 'blue', `000-${name}`), bytes);
  return dir;
}

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

describe('image headers', () => {
  it('learns the shape from the header only', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.png'), imageBytes('png', 12, 10, [9, 9, 9]));
    writeFileSync(join(dir, 'b.jpg'), imageBytes('jpg', 7, 5, [200, 10, 10]));
    writeFileSync(join(dir, 'c.jpg'), jpegHeaderOnly(640, 480, 200_000)); // SOF after 200 KB of metadata
    expect(await readImageHeader(join(dir, 'a.png'))).toMatchObject({ width: 12, height: 10 });
    expect(await readImageHeader(join(dir, 'b.jpg'))).toMatchObject({
      width: 7,
      height: 5,
      channels: 3,
    });
    expect(await readImageHeader(join(dir, 'c.jpg'))).toMatchObject({ width: 640, height: 480 });
  });

  it.each([
    ['a PNG declaring 20000×20000', pngHeaderOnly(20_000, 20_000), /declares 20000×20000 pixels/],
    ['a PNG declaring 100000×100000', pngHeaderOnly(100_000, 100_000), /declares 100000×100000/],
    ['a JPEG declaring 65535×65535', jpegHeaderOnly(65_535, 65_535), /declares 65535×65535/],
    ['a PNG declaring 0×5', pngHeaderOnly(0, 5), /declares an empty image/],
    ['a PNG with an unknown colour type', pngHeaderOnly(4, 4, 9), /unknown colour type 9/],
    ['a JPEG without a frame header', Buffer.from([0xff, 0xd8, 0xff, 0xd9]), /no frame header/],
  ])('refuses %s when describing, and when loading, without decoding', async (_, bytes, why) => {
    const dir = folderWith('x.png', bytes);
    const before = process.memoryUsage().rss;
    await expect(describeData(dir)).rejects.toThrow(why);
    await expect(loadDataset(dir, { inputShape: [4, 4, 3] })).rejects.toThrow(why);
    // Nothing near the declared size was allocated (20000² RGBA would be 1.6 GB).
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 ** 2);
  });

  it('refuses a 1 GB sparse file named .png by its size, before reading it', async () => {
    const dir = writeImageFolder(join(tempDir(), 'imgs'), { perClass: 2, width: 4, height: 4 });
    const giant = join(dir, 'blue', '000-giant.png');
    writeFileSync(giant, pngHeaderOnly(4, 4));
    truncateSync(giant, 1024 ** 3);
    await expect(describeData(dir)).rejects.toThrow(
      new RegExp(`giant\\.png is 1024 MB, more than the ${MAX_IMAGE_FILE_BYTES / 1024 ** 2} MB`),
    );
  });

  it.skipIf(!hasMkfifo)('refuses a FIFO named .png instead of blocking on it', async () => {
    const dir = writeImageFolder(join(tempDir(), 'imgs'), { perClass: 2, width: 4, height: 4 });
    spawnSync('mkfifo', [join(dir, 'blue', '000-fifo.png')]);
    await expect(describeData(dir)).rejects.toThrow(/000-fifo\.png is not a regular file/);
  });
});

describe('idx headers are checked against the real file', () => {
  it.each([
    ['2^31 images of 65536×65536', [2 ** 31, 65_536, 65_536], 2 ** 31],
    ['60000 images of 28×28 in 100 bytes', [60_000, 28, 28], 60_000],
    ['images of 0×0 pixels', [10, 0, 0], 10],
  ])('refuses a header promising %s (no native abort)', async (_, dims, labels) => {
    for (const gzip of [false, true]) {
      const dir = tempDir();
      const images = idxBytes(dims, new Uint8Array(100));
      const labelFile = idxBytes([labels], new Uint8Array(10));
      writeFileSync(
        join(dir, 'train-images-idx3-ubyte' + (gzip ? '.gz' : '')),
        gzip ? gzipSync(images) : images,
      );
      writeFileSync(
        join(dir, 'train-labels-idx1-ubyte' + (gzip ? '.gz' : '')),
        gzip ? gzipSync(labelFile) : labelFile,
      );
      await expect(loadDataset(dir)).rejects.toThrow(/train-images-idx3-ubyte/);
    }
  });

  it.skipIf(!hasMkfifo)('refuses FIFOs named like idx files and classes.txt', async () => {
    const dir = writeIdxFolder(tempDir(), { train: 20, test: 5 });
    spawnSync('mkfifo', [join(dir, 'classes.txt')]);
    await expect(describeData(dir)).rejects.toThrow(/classes\.txt is not a regular file/);
    const other = tempDir();
    spawnSync('mkfifo', [join(other, 'train-images-idx3-ubyte')]);
    writeFileSync(join(other, 'train-labels-idx1-ubyte'), idxBytes([1], new Uint8Array(1)));
    await expect(describeData(other)).rejects.toThrow(/is not a regular file/);
  });
});

describe('class counts', () => {
  it('refuses a data set with a single class, naming it', async () => {
    const dir = join(tempDir(), 'one');
    mkdirSync(join(dir, 'cats'), { recursive: true });
    writeFileSync(join(dir, 'cats', 'a.png'), imageBytes('png', 4, 4, [1, 2, 3]));
    writeFileSync(join(dir, 'cats', 'b.png'), imageBytes('png', 4, 4, [1, 2, 3]));
    await expect(describeData(dir)).rejects.toThrow(
      /has only one class \('cats'\) — a classifier needs at least 2 classes/,
    );
    const idx = writeIdxFolder(tempDir(), { train: 4, test: 2, classes: 1 });
    writeFileSync(join(idx, 'classes.txt'), 'only\n');
    await expect(describeData(idx)).rejects.toThrow(/only one class \('only'\)/);
  });
});
