/**
 * The closed vocabulary of training as plain values: the word lists (backends, optimizers,
 * schedules, data formats), the option defaults and numeric ranges, and the class names of the
 * well-known data sets. The one zod schema of the options (`optionsSchema.ts`), the CLI's choices,
 * the backend search and the dashboard's form all read these, so there is one definition of each.
 *
 * This is the one module under main/ the renderer may import values from (see eslint.config.js),
 * so it must stay dependency-free: type imports only, no zod, no Node.
 */
import type {
  BackendName,
  DataDescription,
  EngineName,
  OptimizerName,
  RunBackend,
  TorchBackendName,
  TrainingOptions,
} from './types.ts';

/** Every backend, fastest first: the order `initBackend` tries them in. */
export const BACKEND_NAMES = [
  'tensorflow-gpu',
  'tensorflow',
  'wasm',
  'cpu',
] as const satisfies readonly BackendName[];

/** The PyTorch engine's devices as run backends. */
export const TORCH_BACKEND_NAMES = [
  'pytorch-cuda',
  'pytorch-mps',
  'pytorch-cpu',
] as const satisfies readonly TorchBackendName[];

/** Every value a run's `backend` may hold. */
export const RUN_BACKEND_NAMES = [
  ...BACKEND_NAMES,
  ...TORCH_BACKEND_NAMES,
] as const satisfies readonly RunBackend[];

export const ENGINE_NAMES = ['tfjs', 'pytorch'] as const satisfies readonly EngineName[];

/** `--engine`: `auto` takes PyTorch when it is installed and faster here, else TensorFlow.js. */
export const ENGINE_CHOICES = ['auto', ...ENGINE_NAMES] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/** `--device` of the PyTorch engine (default: CUDA, then Apple MPS, then the CPU). */
export const DEVICE_NAMES = ['cuda', 'mps', 'cpu'] as const;
export type DeviceName = (typeof DEVICE_NAMES)[number];

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

/** Data specs that name a built-in data set rather than a folder (matched case-insensitively). */
export const BUILT_IN_DATA_SPECS = ['synthetic', 'fashion-mnist'] as const;

/** What the trainer uses for every option a caller leaves out. */
export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  epochs: 10,
  batchSize: 32,
  learningRate: 0.001,
  optimizer: 'adam',
  momentum: 0.9,
  schedule: 'constant',
  stepEvery: 10,
  stepGamma: 0.1,
  seed: 1,
  validationSplit: 0.1,
  earlyStoppingPatience: 0,
  keepBest: true,
  augment: { flip: false, shift: 0 },
  limit: 0,
  testLimit: 0,
};

/** The values a numeric option accepts; a bound left out is unbounded. */
export interface OptionRange {
  /** Whole numbers only. */
  readonly integer: boolean;
  readonly min: number;
  /** `min` itself is refused (the value must be greater than it). */
  readonly minExclusive?: boolean;
  readonly max?: number;
  /** `max` itself is refused (the value must be less than it). */
  readonly maxExclusive?: boolean;
}

/** Numeric training options; `shift` is `augment.shift`. */
export type NumericOption =
  | 'epochs'
  | 'batchSize'
  | 'learningRate'
  | 'momentum'
  | 'stepEvery'
  | 'stepGamma'
  | 'seed'
  | 'validationSplit'
  | 'earlyStoppingPatience'
  | 'shift'
  | 'limit'
  | 'testLimit';

/** The range the trainer accepts for each numeric option. */
export const OPTION_RANGES = {
  epochs: { integer: true, min: 1, max: 10_000 },
  batchSize: { integer: true, min: 1, max: 8192 },
  // No upper bound: a rate that is too high is explained by the run (NaN or diverging loss).
  learningRate: { integer: false, min: 0, minExclusive: true },
  // Momentum 1 never forgets a gradient, so the velocity never decays.
  momentum: { integer: false, min: 0, max: 1, maxExclusive: true },
  stepEvery: { integer: true, min: 1 },
  stepGamma: { integer: false, min: 0, minExclusive: true, max: 1 },
  seed: { integer: true, min: 0 },
  // At least a tenth of the data stays for training.
  validationSplit: { integer: false, min: 0, max: 0.9 },
  earlyStoppingPatience: { integer: true, min: 0 },
  // A share of the image size.
  shift: { integer: false, min: 0, max: 0.5 },
  limit: { integer: true, min: 0 },
  testLimit: { integer: true, min: 0 },
} as const satisfies Record<NumericOption, OptionRange>;

/** `nproc`: how many PyTorch processes one run may start on this machine. */
export const NPROC_RANGE = { integer: true, min: 1, max: 64 } as const satisfies OptionRange;

export const FASHION_MNIST_CLASSES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** CIFAR-10's classes in label order, used when a folder lacks `batches.meta.txt`. */
export const CIFAR10_CLASSES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];
