/** Training options: defaults and validation of what a user, the UI or the CLI passes in. */
import { z } from 'zod';
import type { TrainingOptions } from '../types.ts';
import {
  BACKEND_NAMES,
  DEFAULT_TRAINING_OPTIONS,
  OPTIMIZER_NAMES,
  OPTION_RANGES as R,
  SCHEDULE_NAMES,
} from '../vocabulary.ts';

// The defaults and ranges live in the dependency-free vocabulary so the dashboard's form reads the
// same values; the schemas below attach the messages.
export { DEFAULT_TRAINING_OPTIONS };

const backendSchema = z.enum(BACKEND_NAMES);

/** Schema of a partial options object (every field optional, unknown fields rejected). */
export const partialTrainingOptionsSchema = z
  .object({
    epochs: z
      .number()
      .int('epochs must be a whole number')
      .min(R.epochs.min, `epochs must be at least ${R.epochs.min}`)
      .max(R.epochs.max, `epochs must be at most ${R.epochs.max}`),
    batchSize: z
      .number()
      .int('batch size must be a whole number')
      .min(R.batchSize.min, `batch size must be at least ${R.batchSize.min}`)
      .max(R.batchSize.max, `batch size must be at most ${R.batchSize.max}`),
    learningRate: z
      .number()
      .gt(R.learningRate.min, `learning rate must be greater than ${R.learningRate.min}`),
    optimizer: z.enum(OPTIMIZER_NAMES, { message: "optimizer must be 'adam' or 'sgd'" }),
    momentum: z
      .number()
      .min(R.momentum.min, `momentum must be between ${R.momentum.min} and ${R.momentum.max}`)
      .lt(
        R.momentum.max,
        `momentum must be between ${R.momentum.min} and ${R.momentum.max} (exclusive)`,
      ),
    schedule: z.enum(SCHEDULE_NAMES, {
      message: "schedule must be 'constant', 'step' or 'cosine'",
    }),
    stepEvery: z
      .number()
      .int('stepEvery must be a whole number')
      .min(R.stepEvery.min, `stepEvery must be at least ${R.stepEvery.min}`),
    stepGamma: z
      .number()
      .gt(R.stepGamma.min, `stepGamma must be greater than ${R.stepGamma.min}`)
      .max(R.stepGamma.max, `stepGamma must be at most ${R.stepGamma.max}`),
    seed: z
      .number()
      .int('seed must be a whole number')
      .min(R.seed.min, `seed must be ${R.seed.min} or more`),
    validationSplit: z
      .number()
      .min(
        R.validationSplit.min,
        `validation split must be between ${R.validationSplit.min} and ${R.validationSplit.max}`,
      )
      .max(
        R.validationSplit.max,
        `validation split must be between ${R.validationSplit.min} and ${R.validationSplit.max}`,
      ),
    earlyStoppingPatience: z
      .number()
      .int('early-stopping patience must be a whole number')
      .min(
        R.earlyStoppingPatience.min,
        `early-stopping patience must be ${R.earlyStoppingPatience.min} (off) or more`,
      ),
    keepBest: z.boolean(),
    augment: z.strictObject({
      flip: z.boolean(),
      shift: z
        .number()
        .min(
          R.shift.min,
          `shift must be between ${R.shift.min} and ${R.shift.max} (a share of the image size)`,
        )
        .max(
          R.shift.max,
          `shift must be between ${R.shift.min} and ${R.shift.max} (a share of the image size)`,
        ),
    }),
    limit: z
      .number()
      .int('limit must be a whole number')
      .min(R.limit.min, `limit must be ${R.limit.min} (all) or more`),
    testLimit: z
      .number()
      .int('test limit must be a whole number')
      .min(R.testLimit.min, `test limit must be ${R.testLimit.min} (all) or more`),
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

const EARLY_STOPPING_NEEDS_VALIDATION =
  'early stopping watches validation accuracy, so it needs a validation split above 0';

/**
 * Exactly what `resolveTrainingOptions` accepts: the partial schema plus the rules that span
 * fields, judged after defaults are filled in. Hosts validate requests with this, so a request the
 * trainer would refuse is refused up front with the same message, naming the field.
 */
export const trainingOptionsRequestSchema = partialTrainingOptionsSchema.superRefine((p, ctx) => {
  const patience = p.earlyStoppingPatience ?? DEFAULT_TRAINING_OPTIONS.earlyStoppingPatience;
  const split = p.validationSplit ?? DEFAULT_TRAINING_OPTIONS.validationSplit;
  if (patience > 0 && split === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['earlyStoppingPatience'],
      message: EARLY_STOPPING_NEEDS_VALIDATION,
    });
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
  const parsed = trainingOptionsRequestSchema.safeParse(partial ?? {});
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
