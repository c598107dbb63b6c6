/**
 * Parsers for `netd train` option values; each throws commander's InvalidArgumentError with the
 * reason. Numbers are checked by the training options' own zod schema, so the command line accepts
 * exactly what the service and the dashboard accept, with the same messages.
 */
import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { partialTrainingOptionsSchema } from '../trainer/options.ts';

const fields = partialTrainingOptionsSchema.shape;

/** The numeric training options, plus `shift` (which lives in `augment`). */
type NumberField =
  | {
      [K in keyof typeof fields]: z.output<(typeof fields)[K]> extends number | undefined
        ? K
        : never;
    }[keyof typeof fields]
  | 'shift';

function schemaOf(field: NumberField): z.ZodType<number | undefined> {
  return field === 'shift' ? fields.augment.unwrap().shape.shift : fields[field];
}

/** A number for training option `field`, checked against that option's schema. */
export function numberParser(field: NumberField): (value: string) => number {
  const schema = schemaOf(field);
  return (value) => {
    const n = value.trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(n)) throw new InvalidArgumentError(`expected a number (got '${value}')`);
    const parsed = schema.safeParse(n);
    if (!parsed.success)
      throw new InvalidArgumentError(`${parsed.error.issues[0]!.message} (got '${value}')`);
    return n;
  };
}

/** One of `choices`. */
export function choiceParser<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    const v = value.trim().toLowerCase() as T;
    if (!choices.includes(v))
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')} (got '${value}')`);
    return v;
  };
}
