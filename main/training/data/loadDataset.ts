/** The two entry points of the data layer: describe a data spec cheaply, or load it. */
import type { DataDescription } from '../types.ts';
import { DataError, type Dataset, type LoadOptions, type Split } from './dataset.ts';
import { describeIdx, idxClassNames, loadIdx } from './idx.ts';
import { cifarClassNames, CIFAR_SHAPE, describeCifar, loadCifarBatches } from './cifar.ts';
import { loadImageFolder, probeImageShape } from './imageFolder.ts';
import {
  loadSynthetic,
  SYNTHETIC_CLASSES,
  SYNTHETIC_SHAPE,
  SYNTHETIC_TEST_COUNT,
  SYNTHETIC_TRAIN_COUNT,
} from './synthetic.ts';
import { resolveDataSource } from './source.ts';

/**
 * Describes a data spec (format, natural input shape, classes, counts) reading only headers and
 * file sizes — never decoding an image, since the host answering the UI calls it.
 * @throws DataError with a user-facing message naming the file or folder, or when the data has
 *   fewer than 2 classes.
 */
export async function describeData(spec: string): Promise<DataDescription> {
  const description = await describeSource(spec);
  // Refused here, not deep inside training ("depth must be >= 2"): one class is nothing to learn.
  if (description.classes.length < 2)
    throw new DataError(
      `${description.path ?? spec} has ${description.classes.length === 1 ? `only one class ('${description.classes[0]}')` : 'no classes'} — a classifier needs at least 2 classes of images`,
    );
  return description;
}

async function describeSource(spec: string): Promise<DataDescription> {
  const src = await resolveDataSource(spec);
  switch (src.format) {
    case 'synthetic':
      return {
        spec: src.spec,
        format: 'synthetic',
        path: null,
        inputShape: [...SYNTHETIC_SHAPE],
        classes: [...SYNTHETIC_CLASSES],
        trainCount: SYNTHETIC_TRAIN_COUNT,
        testCount: SYNTHETIC_TEST_COUNT,
      };
    case 'idx': {
      const d = await describeIdx(src.files);
      const classes = await idxClassNames(src.path);
      return {
        spec: src.spec,
        format: 'idx',
        path: src.path,
        inputShape: d.shape,
        classes,
        trainCount: d.trainCount,
        testCount: d.testCount,
      };
    }
    case 'cifar10': {
      const d = await describeCifar(src.files);
      return {
        spec: src.spec,
        format: 'cifar10',
        path: src.path,
        inputShape: [...CIFAR_SHAPE],
        classes: await cifarClassNames(src.files),
        ...d,
      };
    }
    case 'image-folder':
      return {
        spec: src.spec,
        format: 'image-folder',
        path: src.path,
        inputShape: await probeImageShape(src.index),
        classes: src.index.classes,
        trainCount: src.index.train.length,
        testCount: src.index.test.length,
      };
  }
}

function emptySplit(): Split {
  return { images: new Float32Array(0), labels: new Int32Array(0), count: 0 };
}

/**
 * Loads a data spec into memory, pixels in [0, 1], decoding no more than `limit` / `testLimit`
 * examples. Synthetic data and image folders are produced at `inputShape` when given.
 * @throws DataError with a user-facing message naming the file or folder.
 */
export async function loadDataset(spec: string, opts: LoadOptions = {}): Promise<Dataset> {
  const description = await describeData(spec);
  const src = await resolveDataSource(spec);
  let loaded: { shape: Dataset['inputShape']; train: Split; test: Split | null };
  switch (src.format) {
    case 'synthetic':
      loaded = loadSynthetic(opts);
      break;
    case 'idx':
      loaded = await loadIdx(src.files, description.classes.length, opts);
      break;
    case 'cifar10':
      loaded = {
        shape: [...CIFAR_SHAPE],
        train: await loadCifarBatches(src.files.train, opts.limit, description.classes.length),
        test: src.files.test.length
          ? await loadCifarBatches(src.files.test, opts.testLimit, description.classes.length)
          : null,
      };
      break;
    case 'image-folder':
      loaded = await loadImageFolder(src.index, opts);
      break;
  }
  if (loaded.train.count === 0)
    throw new DataError(`${description.path ?? spec} has no training examples`);
  return {
    description: { ...description, inputShape: loaded.shape },
    inputShape: loaded.shape,
    classes: description.classes,
    train: loaded.train,
    test: loaded.test ?? emptySplit(),
    normalization: null,
  };
}
