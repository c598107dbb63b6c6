/**
 * The one zod schema of the training options and the engine fields, with their messages. The
 * trainer (`resolveTrainingOptions`), the API's `training:start`, the service's request check, the
 * CLI's `netd train` flags and the dashboard's form all validate with these, so each limit (from
 * `vocabulary.ts`) and each message is written once and every side refuses exactly the same values.
 *
 * Pure (zod and the vocabulary only): the renderer imports it by value (eslint.config.js
 * PURE_MODULES).
 */
import { z } from 'zod';
import {
  BACKEND_NAMES,
  DEFAULT_TRAINING_OPTIONS,
  DEVICE_NAMES,
  ENGINE_CHOICES,
  NPROC_RANGE,
  OPTIMIZER_NAMES,
  OPTION_RANGES,
  SCHEDULE_NAMES,
  type NumericOption,
  type OptionRange,
} from './vocabulary.ts';

/** A number the schema checks against a range: the training options' and the engine's `nproc`. */
export type RangedOption = NumericOption | 'nproc';

/**
 * How each option is named in a message. The form shows the message beside the field; the API and
 * the CLI put it after the option's key or flag (`options.epochs: Epochs must be at least 1`).
 */
export const OPTION_LABELS = {
  epochs: 'Epochs',
  batchSize: 'Batch size',
  learningRate: 'Learning rate',
  optimizer: 'Optimizer',
  momentum: 'Momentum',
  schedule: 'Schedule',
  stepEvery: 'Step every',
  stepGamma: 'Step factor',
  seed: 'Seed',
  validationSplit: 'Validation split',
  earlyStoppingPatience: 'Early-stopping patience',
  keepBest: 'Keep best',
  flip: 'Flip',
  shift: 'Shift',
  limit: 'Train limit',
  testLimit: 'Test limit',
  backend: 'Backend',
  engine: 'Engine',
  device: 'Device',
  nproc: 'Processes',
} as const;

const RANGES: Record<RangedOption, OptionRange> = { ...OPTION_RANGES, nproc: NPROC_RANGE };

/**
 * Why `value` is outside `range`, as a sentence about `label`; null when it is inside.
 * @returns e.g. "Batch size must be at most 8,192", "Epochs must be a whole number".
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

/** Option `name` as a finite number inside its range, with messages that name it. */
export function optionNumber(name: RangedOption) {
  const label = OPTION_LABELS[name];
  return z.number({ error: `${label} must be a number` }).superRefine((value, ctx) => {
    const message = rangeError(label, RANGES[name], value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

/** One of `values`, refused with a message that names the option and lists them. */
function choice<const T extends readonly [string, ...string[]]>(
  name: keyof typeof OPTION_LABELS,
  values: T,
) {
  const quoted = values.map((v) => `'${v}'`);
  const list = `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return z.enum(values, { error: `${OPTION_LABELS[name]} must be ${list}` });
}

const flag = (name: keyof typeof OPTION_LABELS) =>
  z.boolean({ error: `${OPTION_LABELS[name]} must be true or false` });

/** Every training option, each optional; unknown keys are refused (almost always a typo). */
export const partialTrainingOptionsSchema = z.strictObject({
  epochs: optionNumber('epochs').optional(),
  batchSize: optionNumber('batchSize').optional(),
  learningRate: optionNumber('learningRate').optional(),
  optimizer: choice('optimizer', OPTIMIZER_NAMES).optional(),
  momentum: optionNumber('momentum').optional(),
  schedule: choice('schedule', SCHEDULE_NAMES).optional(),
  stepEvery: optionNumber('stepEvery').optional(),
  stepGamma: optionNumber('stepGamma').optional(),
  seed: optionNumber('seed').optional(),
  validationSplit: optionNumber('validationSplit').optional(),
  earlyStoppingPatience: optionNumber('earlyStoppingPatience').optional(),
  keepBest: flag('keepBest').optional(),
  augment: z.strictObject({ flip: flag('flip'), shift: optionNumber('shift') }).optional(),
  limit: optionNumber('limit').optional(),
  testLimit: optionNumber('testLimit').optional(),
  backend: choice('backend', BACKEND_NAMES).optional(),
});

/** The rule that spans fields, judged with the defaults filled in. */
function acrossFields(
  p: { earlyStoppingPatience?: number | undefined; validationSplit?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  const patience = p.earlyStoppingPatience ?? DEFAULT_TRAINING_OPTIONS.earlyStoppingPatience;
  const split = p.validationSplit ?? DEFAULT_TRAINING_OPTIONS.validationSplit;
  if (patience > 0 && split === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['earlyStoppingPatience'],
      // Early stopping watches validation accuracy.
      message: 'Early stopping needs a validation split above 0',
    });
}

/**
 * What a caller may send (the API, the CLI, the trainer's request): any subset of the options, the
 * rest taken from the defaults. Exactly what `resolveTrainingOptions` accepts.
 */
export const trainingOptionsRequestSchema = partialTrainingOptionsSchema.superRefine(acrossFields);

/** A complete set of options (every field but `backend` given), as the dashboard's form makes. */
export const trainingOptionsSchema = partialTrainingOptionsSchema
  .required({
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
  })
  .superRefine(acrossFields);

/**
 * The engine fields of a training request (`engine`, `device`, `nproc`), shared by the API, the
 * service's request check, the trainer-process messages and the CLI's flags.
 */
export const engineRequestFields = {
  engine: choice('engine', ENGINE_CHOICES).optional(),
  device: choice('device', DEVICE_NAMES).optional(),
  nproc: optionNumber('nproc').optional(),
};

/**
 * The issues of a failed parse as `path: message` lines' parts; `key` is the option the issue is
 * about (`augment.shift` → `shift`), which is how the form finds the field to show it beside.
 */
export function optionIssues(error: z.ZodError): { path: string; key: string; message: string }[] {
  return error.issues.map((i) => ({
    path: i.path.join('.'),
    key: String(i.path.at(-1) ?? ''),
    message: i.message,
  }));
}
