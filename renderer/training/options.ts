/**
 * The training-options form: its text values, their defaults, and the zod schema that turns them
 * into `TrainingOptions` with one message per bad field.
 */
import { z } from 'zod';
import type { TrainingOptions } from '../../main/training/types.ts';

/** What the form holds: numbers as typed text, so a half-typed value is not lost or coerced. */
export interface OptionsForm {
  optimizer: 'adam' | 'sgd';
  learningRate: string;
  momentum: string;
  schedule: 'constant' | 'step' | 'cosine';
  stepEvery: string;
  stepGamma: string;
  epochs: string;
  batchSize: string;
  seed: string;
  validationSplit: string;
  earlyStoppingPatience: string;
  keepBest: boolean;
  flip: boolean;
  shift: string;
  limit: string;
  testLimit: string;
}

export type OptionsField = keyof OptionsForm;

/**
 * Defaults sized for the first-start example: synthetic data, a few epochs on a 2,000-image subset,
 * which finishes in well under a minute on the pure-JS backends.
 */
export const DEFAULT_OPTIONS_FORM: OptionsForm = {
  optimizer: 'adam',
  learningRate: '0.001',
  momentum: '0.9',
  schedule: 'constant',
  stepEvery: '5',
  stepGamma: '0.5',
  epochs: '5',
  batchSize: '32',
  seed: '42',
  validationSplit: '0.1',
  earlyStoppingPatience: '0',
  keepBest: true,
  flip: false,
  shift: '0',
  limit: '2000',
  testLimit: '500',
};

const num = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .transform((s) => Number(s))
    .pipe(
      z
        .number({ error: `${label} must be a number` })
        .refine(Number.isFinite, `${label} must be a number`),
    );

const int = (label: string, min: number, max: number) =>
  num(label).pipe(
    z
      .number()
      .int(`${label} must be a whole number`)
      .min(min, `${label} must be at least ${min}`)
      .max(max, `${label} must be at most ${max.toLocaleString('en-US')}`),
  );

const real = (label: string, min: number, max: number, minExclusive = false) =>
  num(label).pipe(
    z
      .number()
      .refine(
        (n) => (minExclusive ? n > min : n >= min),
        `${label} must be ${minExclusive ? 'above' : 'at least'} ${min}`,
      )
      .refine((n) => n <= max, `${label} must be at most ${max}`),
  );

const formSchema = z.object({
  optimizer: z.enum(['adam', 'sgd']),
  learningRate: real('Learning rate', 0, 10, true),
  momentum: real('Momentum', 0, 1),
  schedule: z.enum(['constant', 'step', 'cosine']),
  stepEvery: int('Step every', 1, 10_000),
  stepGamma: real('Step factor', 0, 1, true),
  epochs: int('Epochs', 1, 10_000),
  batchSize: int('Batch size', 1, 65_536),
  seed: int('Seed', 0, 2 ** 31 - 1),
  validationSplit: real('Validation split', 0, 0.9),
  earlyStoppingPatience: int('Patience', 0, 10_000),
  keepBest: z.boolean(),
  flip: z.boolean(),
  shift: real('Shift', 0, 0.5),
  limit: int('Limit', 0, 10_000_000),
  testLimit: int('Test limit', 0, 10_000_000),
});

export type ParsedOptions =
  | { ok: true; options: TrainingOptions }
  | { ok: false; errors: Partial<Record<OptionsField, string>> };

/** Validates the form; on failure returns the first message for each bad field. */
export function parseOptionsForm(form: OptionsForm): ParsedOptions {
  const result = formSchema.safeParse(form);
  if (!result.success) {
    const errors: Partial<Record<OptionsField, string>> = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0] as OptionsField | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
    return { ok: false, errors };
  }
  const v = result.data;
  return {
    ok: true,
    options: {
      epochs: v.epochs,
      batchSize: v.batchSize,
      learningRate: v.learningRate,
      optimizer: v.optimizer,
      momentum: v.momentum,
      schedule: v.schedule,
      stepEvery: v.stepEvery,
      stepGamma: v.stepGamma,
      seed: v.seed,
      validationSplit: v.validationSplit,
      earlyStoppingPatience: v.earlyStoppingPatience,
      keepBest: v.keepBest,
      augment: { flip: v.flip, shift: v.shift },
      limit: v.limit,
      testLimit: v.testLimit,
    },
  };
}

/** The form filled from a past run's options ("train again with these settings"). */
export function formFromOptions(options: TrainingOptions): OptionsForm {
  return {
    optimizer: options.optimizer,
    learningRate: String(options.learningRate),
    momentum: String(options.momentum),
    schedule: options.schedule,
    stepEvery: String(options.stepEvery),
    stepGamma: String(options.stepGamma),
    epochs: String(options.epochs),
    batchSize: String(options.batchSize),
    seed: String(options.seed),
    validationSplit: String(options.validationSplit),
    earlyStoppingPatience: String(options.earlyStoppingPatience),
    keepBest: options.keepBest,
    flip: options.augment.flip,
    shift: String(options.augment.shift),
    limit: String(options.limit),
    testLimit: String(options.testLimit),
  };
}
