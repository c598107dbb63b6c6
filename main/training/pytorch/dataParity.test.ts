/**
 * The PyTorch engine reads the data itself (netd_torch, also the exported train.py's code). For
 * every kind of data it must see what the tfjs engine sees for the same seed: the same classes in
 * the same order, the same examples in the same order (labels), the same train/validation split,
 * the same normalisation and — for PNGs, idx and CIFAR-10 — the same normalised pixels.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImageShape } from '../data/dataset.ts';
import { FASHION_MNIST_DIR } from '../data/idx.ts';
import { loadDataset } from '../data/loadDataset.ts';
import { prepareData } from '../data/prepare.ts';
import { createRng } from '../data/rng.ts';
import { PYTORCH_DIR, pythonExecutable, torchUnavailableReason } from './python.ts';

const noTorch = torchUnavailableReason();
const skipped = noTorch ? ` — skipped: ${noTorch}` : '';
const dir = mkdtempSync(join(tmpdir(), 'netd-data-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rng = createRng(99);
const byte = (): number => Math.floor(rng.next() * 256);

/** A PNG of random pixels; `colorType` 0 grey, 2 RGB, 6 RGBA. */
function png(path: string, w: number, h: number, colorType: 0 | 2 | 6): void {
  const img = new PNG({ width: w, height: h, colorType });
  for (let i = 0; i < img.data.length; i++)
    img.data[i] = (i & 3) === 3 && colorType !== 6 ? 255 : byte();
  writeFileSync(path, PNG.sync.write(img, { colorType }));
}

function jpeg(path: string, w: number, h: number): void {
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < data.length; i++) data[i] = (i & 3) === 3 ? 255 : 64 + (byte() >> 1);
  writeFileSync(path, encodeJpeg({ data, width: w, height: h }, 90).data);
}

/** Class folders of PNGs of mixed sizes and colour types under `root`. */
function classFolders(root: string, classes: string[], perClass: number): void {
  const sizes: [number, number][] = [
    [20, 14],
    [16, 16],
    [9, 23],
    [31, 7],
  ];
  const types = [0, 2, 6] as const;
  classes.forEach((cls, c) => {
    mkdirSync(join(root, cls), { recursive: true });
    for (let i = 0; i < perClass; i++) {
      const [w, h] = sizes[(c + i) % sizes.length]!;
      png(join(root, cls, `img${i}.png`), w, h, types[(c * 7 + i) % 3]!);
    }
  });
}

function idxFile(dims: number[], data: Uint8Array): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head[2] = 8;
  head[3] = dims.length;
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(data)]);
}

function cifarBatch(path: string, records: number): void {
  const buf = Buffer.alloc(records * 3073);
  for (let r = 0; r < records; r++) {
    buf[r * 3073] = Math.floor(rng.next() * 10);
    for (let p = 1; p < 3073; p++) buf[r * 3073 + p] = byte();
  }
  writeFileSync(path, buf);
}

interface Fixtures {
  held: string;
  split: string;
  trainOnly: string;
  jpegs: string;
  idx: string;
  cifar: string;
}

function fixtures(): Fixtures {
  const held = join(dir, 'held-out');
  classFolders(
    held,
    ['apple', 'Banana', 'cherry', '_misc', 'Zebra', 'zeta', 'eclair', 'Éclair', '10', '9'],
    4,
  );
  const split = join(dir, 'train-test');
  classFolders(join(split, 'train'), ['cat', 'dog', 'emu'], 9);
  classFolders(join(split, 'test'), ['emu', 'dog'], 3);
  mkdirSync(join(split, 'train', '.cache'));
  const trainOnly = join(dir, 'train-only');
  classFolders(join(trainOnly, 'Train'), ['b', 'A'], 12);
  const jpegs = join(dir, 'jpegs');
  for (const cls of ['x', 'y']) {
    mkdirSync(join(jpegs, cls), { recursive: true });
    for (let i = 0; i < 6; i++) jpeg(join(jpegs, cls, `${i}.jpg`), 12 + i, 10);
  }
  const idx = join(dir, 'idx');
  mkdirSync(idx);
  const n = 50;
  const pixels = Uint8Array.from({ length: n * 6 * 5 }, byte);
  const labels = Uint8Array.from({ length: n }, () => Math.floor(rng.next() * 3));
  writeFileSync(join(idx, 'train-images-idx3-ubyte'), idxFile([n, 6, 5], pixels));
  writeFileSync(join(idx, 'train-labels-idx1-ubyte.gz'), gzipSync(idxFile([n], labels)));
  writeFileSync(
    join(idx, 't10k-images-idx3-ubyte.gz'),
    gzipSync(idxFile([7, 6, 5], pixels.subarray(0, 210))),
  );
  writeFileSync(join(idx, 't10k-labels-idx1-ubyte'), idxFile([7], labels.subarray(0, 7)));
  writeFileSync(join(idx, 'classes.txt'), 'one\ntwo\nthree\n');
  const cifar = join(dir, 'cifar', 'cifar-10-batches-bin');
  mkdirSync(cifar, { recursive: true });
  cifarBatch(join(cifar, 'data_batch_2.bin'), 6);
  cifarBatch(join(cifar, 'data_batch_1.bin'), 7);
  cifarBatch(join(cifar, 'test_batch.bin'), 4);
  return { held, split, trainOnly, jpegs, idx, cifar: join(dir, 'cifar') };
}

interface Report {
  classes: string[];
  trainLabels: number[];
  testLabels: number[];
  train: number[];
  val: number[];
  mean: number[];
  std: number[];
  pixels: number[][];
  testPixels: number[];
}

interface Case {
  spec: string;
  shape: ImageShape;
  limit?: number;
  testLimit?: number;
  seed: number;
  valSplit: number;
  /** DataLoader worker processes for the statistics pass (0 = in process). */
  workers?: number;
  /** The largest difference allowed between normalised pixels (JPEG decoders differ slightly). */
  tolerance?: number;
}

function python(c: Case, samples: number[]): Report {
  const args = [
    c.spec,
    ...c.shape,
    c.limit ?? 0,
    c.testLimit ?? 0,
    c.seed,
    c.valSplit,
    c.workers ?? 0,
  ];
  const run = spawnSync(
    pythonExecutable(),
    ['-m', 'tests.data_report', ...args.map(String), ...samples.map(String)],
    {
      cwd: PYTORCH_DIR,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Report;
}

async function compare(c: Case): Promise<void> {
  const ds = await loadDataset(c.spec, {
    limit: c.limit,
    testLimit: c.testLimit,
    inputShape: c.shape,
    seed: c.seed,
  });
  const p = prepareData(ds, { validationSplit: c.valSplit, seed: c.seed });
  const size = ds.inputShape[0] * ds.inputShape[1] * ds.inputShape[2];
  const samples = [0, 1, ds.train.count - 1];
  const got = python(c, samples);
  expect(got.classes).toEqual(ds.classes);
  expect(got.trainLabels).toEqual(Array.from(ds.train.labels));
  expect(got.testLabels).toEqual(Array.from(ds.test.labels));
  expect(got.val).toEqual(Array.from(p.val.indices));
  expect(got.train).toEqual(Array.from(p.train.indices));
  const tolerance = c.tolerance ?? 1e-5;
  expect(maxDiff(got.mean, p.normalization.mean)).toBeLessThanOrEqual(
    c.tolerance ? c.tolerance / 10 : 1e-6,
  );
  expect(maxDiff(got.std, p.normalization.std)).toBeLessThanOrEqual(
    c.tolerance ? c.tolerance / 10 : 1e-6,
  );
  samples.forEach((k, i) => {
    const want = ds.train.images.subarray(k * size, (k + 1) * size);
    expect(got.pixels[i]).toHaveLength(size);
    expect(maxDiff(got.pixels[i]!, want), `train image ${k}`).toBeLessThanOrEqual(tolerance);
  });
  if (ds.test.count > 0) {
    expect(
      maxDiff(got.testPixels, ds.test.images.subarray(0, size)),
      'test image 0',
    ).toBeLessThanOrEqual(tolerance);
  }
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('netd_torch reads every kind of data as the tfjs engine does', () => {
  const f = noTorch ? null : fixtures();
  const cases: [string, () => Case][] = [
    [
      'synthetic',
      () => ({
        spec: 'synthetic',
        shape: [10, 12, 3],
        limit: 60,
        testLimit: 9,
        seed: 5,
        valSplit: 0.2,
      }),
    ],
    [
      'an idx folder (raw and gzipped files, classes.txt)',
      () => ({ spec: f!.idx, shape: [6, 5, 1], limit: 41, seed: 3, valSplit: 0.25 }),
    ],
    [
      'CIFAR-10 batches (two files, in number order)',
      () => ({
        spec: f!.cifar,
        shape: [32, 32, 3],
        limit: 10,
        testLimit: 3,
        seed: 8,
        valSplit: 0.3,
      }),
    ],
    [
      'class folders with a held-out fifth, names sorted as localeCompare sorts them, resized RGB',
      () => ({ spec: f!.held, shape: [16, 16, 3], seed: 11, valSplit: 0.2 }),
    ],
    [
      'train/ and test/ folders (test classes mapped by name), luminance, limits, decoding in a worker',
      () => ({
        spec: f!.split,
        shape: [12, 10, 1],
        limit: 20,
        testLimit: 5,
        seed: 2,
        valSplit: 0.15,
        workers: 1,
      }),
    ],
    [
      'a Train/ folder alone',
      () => ({ spec: f!.trainOnly, shape: [8, 8, 3], seed: 4, valSplit: 0.1 }),
    ],
    [
      'JPEGs of noise (decoders differ by a few grey levels: labels and splits the same, pixels close)',
      () => ({ spec: f!.jpegs, shape: [10, 10, 3], seed: 6, valSplit: 0.2, tolerance: 0.25 }),
    ],
  ];
  for (const [name, make] of cases) {
    it.skipIf(noTorch !== null)(`${name}${skipped}`, async () => compare(make()));
  }
  const noFashion = !existsSync(FASHION_MNIST_DIR);
  it.skipIf(noTorch !== null || noFashion)(
    `Fashion-MNIST (gzipped idx), 3000 / 500 examples${skipped || (noFashion ? ` — skipped: ${FASHION_MNIST_DIR} is not installed` : '')}`,
    async () =>
      compare({
        spec: 'fashion-mnist',
        shape: [28, 28, 1],
        limit: 3000,
        testLimit: 500,
        seed: 1,
        valSplit: 0.1,
      }),
  );
});
