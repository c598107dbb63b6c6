/**
 * The training-options form: its text values, their defaults, and the zod schema that turns them
 * into `TrainingOptions` with one message per bad field.
 */
import { z } from 'zod';
import type { OptimizerName, TrainingOptions } from '../../main/training/types.ts';
import {
  DEFAULT_TRAINING_OPTIONS,
  OPTIMIZER_NAMES,
  OPTION_RANGES,
  SCHEDULE_NAMES,
  type OptionRange,
} from '../../main/training/vocabulary.ts';

/** What the form holds: numbers as typed text, so a half-typed value is not lost or coerced. */
export interface OptionsForm {
  optimizer: OptimizerName;
  learningRate: string;
  momentum: string;
  schedule: TrainingOptions['schedule'];
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
 * The trainer's defaults, with a shorter first run: the first-start example trains a few epochs on
 * a 2,000-image subset, which finishes in well under a minute on the pure-JS backends.
 */
const FIRST_RUN: Pick<TrainingOptions, 'epochs' | 'limit' | 'testLimit'> = {
  epochs: 5,
  limit: 2000,
  testLimit: 500,
};

/** The form as it first opens (and after "Reset options"). */
export const DEFAULT_OPTIONS_FORM: OptionsForm = formFromOptions({
  ...DEFAULT_TRAINING_OPTIONS,
  ...FIRST_RUN,
});

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

/**
 * Why `value` is outside `range`, as a sentence about `label`; null when it is inside. The ranges
 * are the trainer's own, so the form accepts exactly what a run will accept.
 */
export function rangeError(label: string, range: OptionRange, value: number): string | null {
  if (range.integer && !Number.isSafeInteger(value)) {
    return Number.isInteger(value)
      ? `${label} must be at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}`
      : `${label} must be a whole number`;
  }
  if (range.minExclusive ? value <= range.min : value < range.min)
    return `${label} must be ${range.minExclusive ? 'above' : 'at least'} ${range.min}`;
  if (range.max !== undefined && (range.maxExclusive ? value >= range.max : value > range.max))
    return `${label} must be ${range.maxExclusive ? 'below' : 'at most'} ${range.max.toLocaleString('en-US')}`;
  return null;
}

const ranged = (label: string, range: OptionRange) =>
  num(label).pipe(
    z.number().superRefine((value, ctx) => {
      const message = rangeError(label, range, value);
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
  );

const formSchema = z
  .object({
    optimizer: z.enum(OPTIMIZER_NAMES),
    learningRate: ranged('Learning rate', OPTION_RANGES.learningRate),
    momentum: ranged('Momentum', OPTION_RANGES.momentum),
    schedule: z.enum(SCHEDULE_NAMES),
    stepEvery: ranged('Step every', OPTION_RANGES.stepEvery),
    stepGamma: ranged('Step factor', OPTION_RANGES.stepGamma),
    epochs: ranged('Epochs', OPTION_RANGES.epochs),
    batchSize: ranged('Batch size', OPTION_RANGES.batchSize),
    seed: ranged('Seed', OPTION_RANGES.seed),
    validationSplit: ranged('Validation split', OPTION_RANGES.validationSplit),
    earlyStoppingPatience: ranged('Patience', OPTION_RANGES.earlyStoppingPatience),
    keepBest: z.boolean(),
    flip: z.boolean(),
    shift: ranged('Shift', OPTION_RANGES.shift),
    limit: ranged('Limit', OPTION_RANGES.limit),
    testLimit: ranged('Test limit', OPTION_RANGES.testLimit),
  })
  .superRefine((v, ctx) => {
    // The trainer refuses this pair too: early stopping watches validation accuracy.
    if (v.earlyStoppingPatience > 0 && v.validationSplit === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['earlyStoppingPatience'],
        message: 'Patience needs a validation split above 0',
      });
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
