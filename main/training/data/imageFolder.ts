/**
 * Image folders with one sub-folder per class (`cat/1.png`, `dog/2.jpg`), optionally split into
 * `train/` and `test/` (or `val/`) folders that each hold the class folders. Without a test folder
 * (class folders at the top, or in `train/` alone) a seeded fifth of the images is held out for testing.
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
import { IMAGE_EXTENSIONS, decodeImage, resampleInto } from './decodeImage.ts';
import { imageFileSize, readImageHeader } from './imageHeader.ts';
import { createRng, shuffledIndices } from './rng.ts';

const HOLDOUT = 0.2;

interface Item {
  path: string;
  label: number;
}

export interface ImageFolderIndex {
  classes: string[];
  train: Item[];
  test: Item[];
}

async function subdirs(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

async function listClasses(root: string, classes: string[]): Promise<Item[]> {
  const items: Item[] = [];
  for (let label = 0; label < classes.length; label++) {
    const dir = join(root, classes[label]!);
    const files = (await fs.readdir(dir)).filter((n) => IMAGE_EXTENSIONS.test(n)).sort();
    if (files.length === 0) throw new DataError(`class folder ${dir} has no PNG or JPEG images`);
    for (const f of files) items.push({ path: join(dir, f), label });
  }
  return items;
}

/** Lists the classes and image files (no decoding). Returns null when `dir` has no class folders with images. */
export async function indexImageFolder(
  dir: string,
  seed: number,
): Promise<ImageFolderIndex | null> {
  const top = await subdirs(dir);
  const trainDir = top.find((n) => /^train(ing)?$/i.test(n));
  const testDir = top.find((n) => /^(test|val|valid|validation)$/i.test(n));
  if (trainDir && testDir) {
    const classes = await subdirs(join(dir, trainDir));
    if (classes.length === 0)
      throw new DataError(
        `${join(dir, trainDir)} has no class folders — put one folder per class inside it`,
      );
    const testClasses = await subdirs(join(dir, testDir));
    const extra = testClasses.filter((c) => !classes.includes(c));
    if (extra.length > 0)
      throw new DataError(
        `${join(dir, testDir)} has class folders that ${join(dir, trainDir)} lacks: ${extra.join(', ')}`,
      );
    return {
      classes,
      train: await listClasses(join(dir, trainDir), classes),
      test: await listClasses(join(dir, testDir), testClasses).then((items) =>
        items.map((it) => ({ ...it, label: classes.indexOf(testClasses[it.label]!) })),
      ),
    };
  }
  // A train/ folder without a test/ folder holds the classes; a fifth of it is held out as usual.
  if (trainDir && !testDir) return indexImageFolder(join(dir, trainDir), seed);
  if (top.length === 0) return null;
  // Only folders that hold images count as classes, so stray folders do not become empty classes…
  const withImages: string[] = [];
  for (const name of top) {
    const files = await fs.readdir(join(dir, name));
    if (files.some((n) => IMAGE_EXTENSIONS.test(n))) withImages.push(name);
  }
  if (withImages.length === 0) return null;
  // …but an empty folder next to real class folders is almost certainly a class the user forgot to fill.
  const empty = top.filter((n) => !withImages.includes(n));
  if (empty.length > 0)
    throw new DataError(`class folder ${join(dir, empty[0]!)} has no PNG or JPEG images`);
  const all = await listClasses(dir, withImages);
  const order = shuffledIndices(all.length, createRng(seed ^ 0x5eed));
  const testCount = Math.max(1, Math.round(all.length * HOLDOUT));
  const test: Item[] = [];
  const train: Item[] = [];
  order.forEach((i, k) => (k < testCount ? test : train).push(all[i]!));
  return { classes: withImages, train, test };
}

/**
 * The folder's natural shape from the first image's header (1 channel for a grayscale or
 * gray-palette image). Reads a few bytes, never decodes: this runs in the process that answers
 * the UI, and a small file may declare gigapixels.
 */
export async function probeImageShape(index: ImageFolderIndex): Promise<ImageShape> {
  const first = index.train[0] ?? index.test[0];
  if (!first) throw new DataError('the image folder has no images');
  const header = await readImageHeader(first.path);
  return [header.height, header.width, header.channels];
}

async function decodeItems(
  items: Item[],
  limit: number | undefined,
  shape: ImageShape,
  seed: number,
): Promise<Split> {
  // A seeded shuffle before the limit keeps a limited load balanced across classes.
  const order = shuffledIndices(items.length, createRng(seed));
  const count = capCount(items.length, limit);
  const split = allocSplit(count, shape);
  const size = shape[0] * shape[1] * shape[2];
  for (let k = 0; k < count; k++) {
    const item = items[order[k]!]!;
    let buf: Buffer;
    try {
      await imageFileSize(item.path); // a regular file within the cap, before reading it all
      buf = await fs.readFile(item.path);
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw new DataError(`cannot read image ${item.path}: ${(err as Error).message}`);
    }
    resampleInto(decodeImage(buf, item.path), shape, split.images, k * size);
    split.labels[k] = item.label;
  }
  return split;
}

/** Decodes (up to the limits) and resizes every image to `shape` (default: the first image's shape). */
export async function loadImageFolder(
  index: ImageFolderIndex,
  opts: LoadOptions,
): Promise<{ shape: ImageShape; train: Split; test: Split }> {
  const shape = opts.inputShape ?? (await probeImageShape(index));
  const seed = opts.seed ?? 1;
  return {
    shape,
    train: await decodeItems(index.train, opts.limit, shape, seed),
    test: await decodeItems(index.test, opts.testLimit, shape, seed + 1),
  };
}
