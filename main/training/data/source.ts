/** Resolving a data spec (`synthetic`, `fashion-mnist`, or a folder) to a format, by looking at the folder. */
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { DataError } from './dataset.ts';
import { FASHION_MNIST_DIR, findIdxFiles, type IdxFiles } from './idx.ts';
import { findCifarFiles, type CifarFiles } from './cifar.ts';
import { indexImageFolder, type ImageFolderIndex } from './imageFolder.ts';

/** Image-folder test hold-out does not depend on the training seed, so runs compare on the same images. */
export const HOLDOUT_SEED = 20_240_601;

export type DataSource =
  | { format: 'synthetic'; spec: string; path: null }
  | { format: 'idx'; spec: string; path: string; files: IdxFiles }
  | { format: 'cifar10'; spec: string; path: string; files: CifarFiles }
  | { format: 'image-folder'; spec: string; path: string; index: ImageFolderIndex };

/**
 * Detects the format of a data spec.
 * @throws DataError with a message naming the folder when it is missing or holds no known format.
 */
export async function resolveDataSource(spec: string): Promise<DataSource> {
  const trimmed = spec.trim();
  if (trimmed === '')
    throw new DataError("no data given — use 'synthetic', 'fashion-mnist' or a folder");
  if (trimmed.toLowerCase() === 'synthetic')
    return { format: 'synthetic', spec: trimmed, path: null };
  const isFashion = trimmed.toLowerCase() === 'fashion-mnist';
  const path = isFashion ? FASHION_MNIST_DIR : resolve(trimmed.replace(/^~(?=$|\/)/, homedir()));
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new DataError(
      isFashion
        ? `Fashion-MNIST is not installed: ${path} does not exist (on Debian/Ubuntu: apt install dataset-fashion-mnist, or download the idx files into a folder and pass that folder)`
        : `data folder ${path} does not exist`,
    );
  }
  if (!stat.isDirectory())
    throw new DataError(`${path} is a file — pass the folder that holds the data`);
  try {
    const idx = await findIdxFiles(path);
    if (idx) return { format: 'idx', spec: trimmed, path, files: idx };
    const cifar = await findCifarFiles(path);
    if (cifar) return { format: 'cifar10', spec: trimmed, path, files: cifar };
    const index = await indexImageFolder(path, HOLDOUT_SEED);
    if (index) return { format: 'image-folder', spec: trimmed, path, index };
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(`cannot read data folder ${path}: ${(err as Error).message}`);
  }
  throw new DataError(
    `${path} holds no data NetDesigner recognises: expected MNIST idx files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz]), CIFAR-10 batches (data_batch_1.bin …) or one sub-folder of PNG/JPEG images per class (no classes found)`,
  );
}
