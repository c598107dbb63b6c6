/** Training options: defaults and validation of what a user, the UI or the CLI passes in. */
import { z } from 'zod';
import type { TrainingOptions } from '../types.ts';
import { BACKEND_NAMES, OPTIMIZER_NAMES, SCHEDULE_NAMES } from '../vocabulary.ts';

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

const backendSchema = z.enum(BACKEND_NAMES);

/** Schema of a partial options object (every field optional, unknown fields rejected). */
export const partialTrainingOptionsSchema = z
  .object({
    epochs: z
      .number()
      .int('epochs must be a whole number')
      .min(1, 'epochs must be at least 1')
      .max(10_000, 'epochs must be at most 10000'),
    batchSize: z
      .number()
      .int('batch size must be a whole number')
      .min(1, 'batch size must be at least 1')
      .max(8192, 'batch size must be at most 8192'),
    // No upper bound: a rate that is too high is explained by the run (NaN or diverging loss).
    learningRate: z.number().gt(0, 'learning rate must be greater than 0'),
    optimizer: z.enum(OPTIMIZER_NAMES, { message: "optimizer must be 'adam' or 'sgd'" }),
    momentum: z
      .number()
      .min(0, 'momentum must be between 0 and 1')
      .lt(1, 'momentum must be between 0 and 1 (exclusive)'),
    schedule: z.enum(SCHEDULE_NAMES, {
      message: "schedule must be 'constant', 'step' or 'cosine'",
    }),
    stepEvery: z
      .number()
      .int('stepEvery must be a whole number')
      .min(1, 'stepEvery must be at least 1'),
    stepGamma: z
      .number()
      .gt(0, 'stepGamma must be greater than 0')
      .max(1, 'stepGamma must be at most 1'),
    seed: z.number().int('seed must be a whole number').min(0, 'seed must be 0 or more'),
    validationSplit: z
      .number()
      .min(0, 'validation split must be between 0 and 0.9')
      .max(0.9, 'validation split must be between 0 and 0.9'),
    earlyStoppingPatience: z
      .number()
      .int('early-stopping patience must be a whole number')
      .min(0, 'early-stopping patience must be 0 (off) or more'),
    keepBest: z.boolean(),
    augment: z.strictObject({
      flip: z.boolean(),
      shift: z
        .number()
        .min(0, 'shift must be between 0 and 0.5 (a share of the image size)')
        .max(0.5, 'shift must be between 0 and 0.5 (a share of the image size)'),
    }),
    limit: z.number().int('limit must be a whole number').min(0, 'limit must be 0 (all) or more'),
    testLimit: z
      .number()
      .int('test limit must be a whole number')
      .min(0, 'test limit must be 0 (all) or more'),
    backend: backendSchema,
  })
  .partial()
  .strict();

/** Schema of a complete options object (every field but `backend` required). */
export const trainingOptionsSchema = partialTrainingOptionsSchema.required({
  epochs: true,
  batchSize: true,
  learningRate: true,
  optimizer: true,
  momentum: true,
  schedule: true,
  stepEvery: true,
  stepGamma: true,
  seed: true,
  validationSplit: true,
  earlyStoppingPatience: true,
  keepBest: true,
  augment: true,
  limit: true,
  testLimit: true,
});

/** Thrown when options are invalid; the message lists every bad field. */
export class OptionsError extends Error {
  override name = 'OptionsError';
}

/**
 * Fills in defaults and validates.
 * @throws OptionsError naming each invalid option, e.g. "invalid training options: learningRate: learning rate must be greater than 0".
 */
export function resolveTrainingOptions(partial: unknown = {}): TrainingOptions {
  const parsed = partialTrainingOptionsSchema.safeParse(partial ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`);
    throw new OptionsError(`invalid training options: ${issues.join('; ')}`);
  }
  const p = parsed.data;
  const { augment, backend, ...rest } = p;
  const out: TrainingOptions = {
    ...DEFAULT_TRAINING_OPTIONS,
    ...stripUndefined(rest),
    augment: { ...DEFAULT_TRAINING_OPTIONS.augment, ...augment },
  };
  if (backend) out.backend = backend;
  if (out.earlyStoppingPatience > 0 && out.validationSplit === 0)
    throw new OptionsError(
      'invalid training options: early stopping watches validation accuracy, so it needs a validation split above 0',
    );
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The learning rate for a 1-based epoch under the chosen schedule. */
export function learningRateAt(opts: TrainingOptions, epoch: number): number {
  const e = epoch - 1;
  switch (opts.schedule) {
    case 'constant':
      return opts.learningRate;
    case 'step':
      return opts.learningRate * opts.stepGamma ** Math.floor(e / opts.stepEvery);
    case 'cosine':
      // Cosine annealing to zero over the run (SGDR without restarts), evaluated at the epoch start.
      return opts.epochs <= 1
        ? opts.learningRate
        : 0.5 * opts.learningRate * (1 + Math.cos((Math.PI * e) / opts.epochs));
  }
}
