/** Training options: defaults and validation of what a user, the UI or the CLI passes in. */
import type { TrainingOptions } from '../types.ts';
import { optionIssues, trainingOptionsRequestSchema } from '../optionsSchema.ts';
import { DEFAULT_TRAINING_OPTIONS } from '../vocabulary.ts';

// The schema, limits and messages live in the pure optionsSchema.ts, which the API, the CLI and the
// dashboard's form validate with too; this module fills in the defaults.
export { DEFAULT_TRAINING_OPTIONS };

/** Thrown when options are invalid; the message lists every bad field. */
export class OptionsError extends Error {
  override name = 'OptionsError';
}

/**
 * Fills in defaults and validates.
 * @throws OptionsError naming each invalid option, e.g. "invalid training options: learningRate: Learning rate must be above 0".
 */
export function resolveTrainingOptions(partial: unknown = {}): TrainingOptions {
  const parsed = trainingOptionsRequestSchema.safeParse(partial ?? {});
  if (!parsed.success) {
    const issues = optionIssues(parsed.error).map((i) => `${i.path || 'options'}: ${i.message}`);
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
