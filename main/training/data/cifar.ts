/**
 * CIFAR-10 binary batches: `data_batch_1..5.bin` and `test_batch.bin`, each record one label byte
 * followed by 3072 pixel bytes in channel-major order (1024 R, 1024 G, 1024 B); class names in
 * `batches.meta.txt`.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { CIFAR10_CLASSES } from '../vocabulary.ts';
import { DataError, allocSplit, capCount, type ImageShape, type Split } from './dataset.ts';
import { readClassList } from './readPrefix.ts';

export const CIFAR_SHAPE: ImageShape = [32, 32, 3];
const RECORD = 1 + 32 * 32 * 3;

export interface CifarFiles {
  dir: string;
  train: string[];
  test: string[];
}

/** Finds CIFAR-10 batches in `dir` or in its `cifar-10-batches-bin` sub-folder; null when there are none. */
export async function findCifarFiles(dir: string): Promise<CifarFiles | null> {
  for (const candidate of [dir, join(dir, 'cifar-10-batches-bin')]) {
    let names: string[];
    try {
      names = await fs.readdir(candidate);
    } catch {
      continue;
    }
    const train = names
      .filter((n) => /^data_batch_\d+\.bin$/.test(n))
      .sort((a, b) => batchNo(a) - batchNo(b));
    if (train.length === 0) continue;
    return {
      dir: candidate,
      train: train.map((n) => join(candidate, n)),
      test: names.includes('test_batch.bin') ? [join(candidate, 'test_batch.bin')] : [],
    };
  }
  return null;
}

function batchNo(name: string): number {
  return Number(/(\d+)/.exec(name)?.[1] ?? 0);
}

/** Class names from `batches.meta.txt`, or the standard ten. */
export async function cifarClassNames(files: CifarFiles): Promise<string[]> {
  try {
    const names = (await readClassList(join(files.dir, 'batches.meta.txt')))
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length > 0) return names;
  } catch (err) {
    if (err instanceof DataError) throw err; // a device or giant file named batches.meta.txt
    // fall back to the standard names
  }
  return [...CIFAR10_CLASSES];
}

async function recordCount(path: string): Promise<number> {
  const info = await fs.stat(path);
  // A FIFO or device reports size 0 and would block the read that follows.
  if (!info.isFile()) throw new DataError(`${path} is not a regular file`);
  const { size } = info;
  if (size % RECORD !== 0) {
    throw new DataError(
      `${path} is truncated or not a CIFAR-10 batch: its size ${size} is not a multiple of ${RECORD} bytes per image`,
    );
  }
  return size / RECORD;
}

/** Total example counts from file sizes (no decoding). */
export async function describeCifar(
  files: CifarFiles,
): Promise<{ trainCount: number; testCount: number }> {
  let trainCount = 0;
  for (const f of files.train) trainCount += await recordCount(f);
  let testCount = 0;
  for (const f of files.test) testCount += await recordCount(f);
  return { trainCount, testCount };
}

/** Reads up to `limit` records from the batch files in order, converting to channels-last floats in [0, 1]. */
export async function loadCifarBatches(
  paths: string[],
  limit: number | undefined,
  classCount: number,
): Promise<Split> {
  const counts: number[] = [];
  for (const p of paths) counts.push(await recordCount(p));
  const total = capCount(
    counts.reduce((a, b) => a + b, 0),
    limit,
  );
  const split = allocSplit(total, CIFAR_SHAPE);
  let done = 0;
  for (let f = 0; f < paths.length && done < total; f++) {
    const take = Math.min(counts[f]!, total - done);
    const fh = await fs.open(paths[f]!, 'r');
    let buf: Buffer;
    try {
      buf = Buffer.alloc(take * RECORD);
      await fh.read(buf, 0, buf.length, 0);
    } finally {
      await fh.close();
    }
    for (let r = 0; r < take; r++) {
      const rec = r * RECORD;
      const label = buf[rec]!;
      if (label >= classCount)
        throw new DataError(
          `${paths[f]}: label ${label} of image ${r} is out of range for ${classCount} classes`,
        );
      split.labels[done] = label;
      const out = done * 3072;
      for (let p = 0; p < 1024; p++) {
        split.images[out + p * 3] = buf[rec + 1 + p]! / 255;
        split.images[out + p * 3 + 1] = buf[rec + 1 + 1024 + p]! / 255;
        split.images[out + p * 3 + 2] = buf[rec + 1 + 2048 + p]! / 255;
      }
      done++;
    }
  }
  return split;
}
