/**
 * Fuzz: image and idx headers. Real PNG/JPEG files and header-only ones declaring random sizes are
 * mutated byte by byte; every one must parse within the caps or be refused with a DataError, and
 * decoding (trainer side) must do the same. idx folders with random header counts and lengths
 * must load or be refused, never abort the process or allocate what the header claims.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../training/data/dataset.ts';
import { decodeImage } from '../training/data/decodeImage.ts';
import { MAX_IMAGE_PIXELS, parseImageHeader } from '../training/data/imageHeader.ts';
import { loadDataset } from '../training/data/loadDataset.ts';
import {
  idxBytes,
  imageBytes,
  removeTempDirs,
  tempDir,
} from '../training/data/testing/fixtures.ts';
import { jpegHeaderOnly, pngHeaderOnly } from '../training/data/testing/hostileImages.ts';
import { fuzzer, mutateBytes } from './random.ts';

afterAll(removeTempDirs);

/** Inputs per run, per kind (README "Security"). */
export const HEADER_CASES = { images: 3000, idxFolders: 150 };

function expectDataError(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
  }
}

describe('fuzz: image headers', () => {
  it(`parses or refuses ${HEADER_CASES.images} mutated PNG and JPEG files`, () => {
    const f = fuzzer(0x1a6e);
    const seeds = [
      imageBytes('png', 8, 6, [10, 20, 30]),
      imageBytes('jpg', 8, 6, [200, 20, 30]),
      pngHeaderOnly(64, 64),
      jpegHeaderOnly(64, 64, 100),
    ];
    let refused = 0;
    for (let i = 0; i < HEADER_CASES.images; i++) {
      const bytes =
        i % 10 === 0
          ? pngHeaderOnly(f.int(200_000), f.int(200_000))
          : i % 10 === 5
            ? jpegHeaderOnly(f.int(65_536), f.int(65_536))
            : mutateBytes(f, f.pick(seeds));
      let header;
      try {
        header = parseImageHeader(bytes, `case-${i}.png`);
      } catch (err) {
        if (!(err instanceof DataError)) throw err;
        refused++;
        continue;
      }
      expect(header.width * header.height).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
      // The trainer decodes only what passed the header check; small ones are decoded here.
      if (header.width * header.height <= 1_000_000)
        expectDataError(() => decodeImage(bytes, `case-${i}`));
    }
    expect(refused).toBeGreaterThan(HEADER_CASES.images / 10);
  });
});

describe('fuzz: idx folders', () => {
  it(`loads or refuses ${HEADER_CASES.idxFolders} idx folders with random headers`, async () => {
    const f = fuzzer(0x1d8);
    for (let i = 0; i < HEADER_CASES.idxFolders; i++) {
      const dir = tempDir();
      const count = f.pick([0, 1, 5, 60_000, 2 ** 31, 0xffffffff]);
      const side = f.pick([0, 1, 4, 28, 65_535, 0xffffffff]);
      const images = idxBytes([count, side, side], new Uint8Array(f.int(400)));
      const labels = idxBytes([f.chance(0.7) ? count : f.int(10)], new Uint8Array(f.int(20)));
      writeFileSync(
        join(dir, 'train-images-idx3-ubyte'),
        f.chance(0.2) ? mutateBytes(f, images) : images,
      );
      writeFileSync(join(dir, 'train-labels-idx1-ubyte'), labels);
      await loadDataset(dir, { limit: f.pick([0, 3]) }).catch((err: unknown) => {
        if (!(err instanceof DataError)) throw err;
      });
    }
    expect(process.memoryUsage().rss).toBeLessThan(3 * 1024 ** 3);
  });
});
