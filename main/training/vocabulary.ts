/**
 * The closed word lists of training (backends, optimizers, schedules, data formats), as values, so
 * the zod schemas, the CLI's choices and the backend search all read one list.
 */
import type { BackendName, DataDescription, OptimizerName, TrainingOptions } from './types.ts';

/** Every backend, fastest first: the order `initBackend` tries them in. */
export const BACKEND_NAMES = [
  'tensorflow-gpu',
  'tensorflow',
  'wasm',
  'cpu',
] as const satisfies readonly BackendName[];

export const OPTIMIZER_NAMES = ['adam', 'sgd'] as const satisfies readonly OptimizerName[];

export const SCHEDULE_NAMES = [
  'constant',
  'step',
  'cosine',
] as const satisfies readonly TrainingOptions['schedule'][];

export const DATA_FORMATS = [
  'synthetic',
  'idx',
  'cifar10',
  'image-folder',
] as const satisfies readonly DataDescription['format'][];
