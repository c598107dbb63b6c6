/**
 * MNIST-format folders: `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-…` (gzipped or
 * not — detected by magic number). Fashion-MNIST uses the same layout.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  DataError,
  allocSplit,
  capCount,
  type ImageShape,
  type LoadOptions,
  type Split,
} from './dataset.ts';
import { readClassList, readPrefix } from './readPrefix.ts';
import { FASHION_MNIST_CLASSES } from '../vocabulary.ts';

export { FASHION_MNIST_CLASSES };

export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export interface IdxFiles {
  trainImages: string;
  trainLabels: string;
  testImages: string | null;
  testLabels: string | null;
}

interface IdxHeader {
  dims: number[];
  headerBytes: number;
}

/** Finds the idx files in a folder by name (`train-images…`, `t10k-labels…`); null when there are none. */
export async function findIdxFiles(dir: string): Promise<IdxFiles | null> {
  const names = await fs.readdir(dir);
  const pick = (set: RegExp, kind: RegExp): string | null => {
    const name = names.find((n) => set.test(n) && kind.test(n) && /idx\d/i.test(n));
    return name ? join(dir, name) : null;
  };
  const trainImages = pick(/^train/i, /images/i);
  const trainLabels = pick(/^train/i, /labels/i);
  if (!trainImages && !trainLabels) return null;
  if (!trainImages || !trainLabels) {
    throw new DataError(
      `${dir} has ${trainImages ? 'train images' : 'train labels'} but no matching ${trainImages ? 'train-labels-idx1-ubyte' : 'train-images-idx3-ubyte'} file`,
    );
  }
  return {
    trainImages,
    trainLabels,
    testImages: pick(/^(t10k|test)/i, /images/i),
    testLabels: pick(/^(t10k|test)/i, /labels/i),
  };
}

/** Parses an idx header (magic 0x0000 08 nd, then nd big-endian int32 dims), checking the expected rank. */
function parseIdxHeader(buf: Buffer, path: string, expectedRank: 1 | 3): IdxHeader {
  if (buf.length < 4)
    throw new DataError(`${path} is truncated: it is too short to be an idx file`);
  if (buf[0] !== 0 || buf[1] !== 0 || buf[2] !== 0x08) {
    throw new DataError(
      `${path} has the wrong magic number 0x${buf.subarray(0, 4).toString('hex')} — expected an idx file of unsigned bytes (0x0000080${expectedRank})`,
    );
  }
  const rank = buf[3]!;
  if (rank !== expectedRank) {
    const what = expectedRank === 3 ? 'images (idx3)' : 'labels (idx1)';
    throw new DataError(`${path} has ${rank} dimensions but ${what} need ${expectedRank}`);
  }
  const headerBytes = 4 + 4 * rank;
  if (buf.length < headerBytes) throw new DataError(`${path} is truncated inside its header`);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(buf.readUInt32BE(4 + 4 * i));
  return { dims, headerBytes };
}

async function readHeader(path: string, rank: 1 | 3): Promise<IdxHeader> {
  return parseIdxHeader(await readPrefix(path, 4 + 4 * rank), path, rank);
}

/** Class names for an idx folder: `classes.txt` (one per line) if present, else Fashion or digit names. */
export async function idxClassNames(dir: string): Promise<string[]> {
  try {
    const text = await readClassList(join(dir, 'classes.txt'));
    const names = text
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length > 0) return names;
  } catch (err) {
    if (err instanceof DataError) throw err; // a device or giant file named classes.txt
    // no classes.txt: fall through to the well-known names
  }
  return /fashion/i.test(dir) ? [...FASHION_MNIST_CLASSES] : DIGIT_CLASSES;
}

/** Shape and counts from the headers only. */
export async function describeIdx(
  files: IdxFiles,
): Promise<{ shape: ImageShape; trainCount: number; testCount: number }> {
  const img = await readHeader(files.trainImages, 3);
  const lab = await readHeader(files.trainLabels, 1);
  if (img.dims[0] !== lab.dims[0]) {
    throw new DataError(
      `${files.trainImages} holds ${img.dims[0]} images but ${files.trainLabels} holds ${lab.dims[0]} labels`,
    );
  }
  let testCount = 0;
  if (files.testImages && files.testLabels)
    testCount = (await readHeader(files.testImages, 3)).dims[0]!;
  return { shape: [img.dims[1]!, img.dims[2]!, 1], trainCount: img.dims[0]!, testCount };
}

/** Loads up to `limit` examples from one images/labels pair, pixels scaled to [0, 1]. */
async function loadIdxPair(
  imagesPath: string,
  labelsPath: string,
  limit: number | undefined,
  classCount: number,
): Promise<Split> {
  const imgHead = await readHeader(imagesPath, 3);
  const labHead = await readHeader(labelsPath, 1);
  const [n, rows, cols] = imgHead.dims as [number, number, number];
  if (labHead.dims[0] !== n)
    throw new DataError(
      `${imagesPath} holds ${n} images but ${labelsPath} holds ${labHead.dims[0]} labels`,
    );
  const count = capCount(n, limit);
  const size = rows * cols;
  if (rows === 0 || cols === 0)
    throw new DataError(`${imagesPath} declares images of ${rows}×${cols} pixels`);
  // Checked before anything is allocated: the header's counts are claims, the file is the truth
  // (readPrefix never reads more than the file holds, and refuses absurd lengths).
  const imgBuf = await readPrefix(imagesPath, imgHead.headerBytes + count * size);
  const labBuf = await readPrefix(labelsPath, labHead.headerBytes + count);
  if (imgBuf.length < imgHead.headerBytes + count * size) {
    const have = Math.floor((imgBuf.length - imgHead.headerBytes) / size);
    throw new DataError(
      `${imagesPath} is truncated: its header promises ${n} images of ${rows}×${cols} but it holds only ${have}`,
    );
  }
  if (labBuf.length < labHead.headerBytes + count) {
    throw new DataError(
      `${labelsPath} is truncated: its header promises ${n} labels but it holds only ${labBuf.length - labHead.headerBytes}`,
    );
  }
  const split = allocSplit(count, [rows, cols, 1]);
  const pixels = imgBuf.subarray(imgHead.headerBytes);
  for (let i = 0; i < count * size; i++) split.images[i] = pixels[i]! / 255;
  for (let i = 0; i < count; i++) {
    const label = labBuf[labHead.headerBytes + i]!;
    if (label >= classCount)
      throw new DataError(
        `${labelsPath}: label ${label} at example ${i} is out of range for ${classCount} classes`,
      );
    split.labels[i] = label;
  }
  return split;
}

/** Loads the train and (when present) test pairs of an idx folder. */
export async function loadIdx(
  files: IdxFiles,
  classCount: number,
  opts: LoadOptions,
): Promise<{ shape: ImageShape; train: Split; test: Split | null }> {
  const train = await loadIdxPair(files.trainImages, files.trainLabels, opts.limit, classCount);
  const head = await readHeader(files.trainImages, 3);
  const test =
    files.testImages && files.testLabels
      ? await loadIdxPair(files.testImages, files.testLabels, opts.testLimit, classCount)
      : null;
  return { shape: [head.dims[1]!, head.dims[2]!, 1], train, test };
}
