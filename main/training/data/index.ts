/** The data layer: describe, load and prepare datasets for training. */
export { describeData, loadDataset } from './loadDataset.ts';
export { checkDataFits, classifierNode } from './checkDataFits.ts';
export { prepareData, type PreparedData, type Subset } from './prepare.ts';
export { augmentBatch, type AugmentOptions } from './augment.ts';
export { createRng, shuffledIndices, type Rng } from './rng.ts';
export {
  DataError,
  type Dataset,
  type ImageShape,
  type LoadOptions,
  type Normalization,
  type Split,
} from './dataset.ts';
export { FASHION_MNIST_CLASSES, FASHION_MNIST_DIR } from './idx.ts';
export { SYNTHETIC_CLASSES } from './synthetic.ts';
