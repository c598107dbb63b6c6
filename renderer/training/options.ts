/**
 * The training-options form: its text values, their defaults, and how they become
 * `TrainingOptions` — checked by the trainer's own schema (main/training/optionsSchema.ts), so the
 * form refuses exactly what a run would refuse, with the same message beside each bad field.
 */
import type { OptimizerName, TrainingOptions } from '../../main/training/types.ts';
import {
  OPTION_LABELS,
  optionIssues,
  rangeError,
  trainingOptionsSchema,
} from '../../main/training/optionsSchema.ts';
import { DEFAULT_TRAINING_OPTIONS, OPTION_RANGES } from '../../main/training/vocabulary.ts';

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

/** The fields typed as text: each is the number option of the same name. */
type TextField = { [K in OptionsField]: string extends OptionsForm[K] ? K : never }[OptionsField];

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

/** The value of a text field, or why it is not a number. */
function readNumber(field: TextField, text: string): number | { error: string } {
  const label = OPTION_LABELS[field];
  const s = text.trim();
  if (s === '') return { error: `${label} is required` };
  const n = Number(s);
  return Number.isFinite(n) ? n : { error: `${label} must be a number` };
}

export type ParsedOptions =
  | { ok: true; options: TrainingOptions }
  | { ok: false; errors: Partial<Record<OptionsField, string>> };

/** Validates the form; on failure returns the first message for each bad field. */
export function parseOptionsForm(form: OptionsForm): ParsedOptions {
  const errors: Partial<Record<OptionsField, string>> = {};
  const value = (field: TextField, fallback: number): number => {
    const read = readNumber(field, form[field]);
    if (typeof read === 'number') return read;
    errors[field] = read.error;
    // A field that is not a number yet takes the default, so the schema still judges the others.
    return fallback;
  };
  const D = DEFAULT_TRAINING_OPTIONS;
  const options: TrainingOptions = {
    epochs: value('epochs', D.epochs),
    batchSize: value('batchSize', D.batchSize),
    learningRate: value('learningRate', D.learningRate),
    optimizer: form.optimizer,
    momentum: value('momentum', D.momentum),
    schedule: form.schedule,
    stepEvery: value('stepEvery', D.stepEvery),
    stepGamma: value('stepGamma', D.stepGamma),
    seed: value('seed', D.seed),
    validationSplit: value('validationSplit', D.validationSplit),
    earlyStoppingPatience: value('earlyStoppingPatience', D.earlyStoppingPatience),
    keepBest: form.keepBest,
    augment: { flip: form.flip, shift: value('shift', D.augment.shift) },
    limit: value('limit', D.limit),
    testLimit: value('testLimit', D.testLimit),
  };
  const checked = trainingOptionsSchema.safeParse(options);
  if (!checked.success)
    for (const issue of optionIssues(checked.error)) {
      const field = issue.key as OptionsField;
      if (field in form && !errors[field]) errors[field] = issue.message;
    }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, options };
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

/** What a training-memory estimate assumes: the batch size and optimizer a run would use. */
export interface MemoryAssumptions {
  batchSize: number;
  optimizer: OptimizerName;
}

/**
 * The training form's batch size and optimizer, for the summary bar's memory estimate and the
 * compare view: one setting, so the estimate is about the run the user is setting up. A batch size
 * that is half-typed or out of range counts as the default until it is valid.
 */
export function memoryAssumptions(form: OptionsForm): MemoryAssumptions {
  // The form's own reading and range rule, so "valid" here is what the form accepts.
  const typed = readNumber('batchSize', form.batchSize);
  const valid =
    typeof typed === 'number' &&
    rangeError(OPTION_LABELS.batchSize, OPTION_RANGES.batchSize, typed) === null;
  return {
    batchSize: valid ? typed : DEFAULT_TRAINING_OPTIONS.batchSize,
    optimizer: form.optimizer,
  };
}
