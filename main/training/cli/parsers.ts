/**
 * Parsers for `netd train` option values; each throws commander's InvalidArgumentError with the
 * reason. Numbers are checked by the training options' one schema (optionsSchema.ts), so the command
 * line accepts exactly what the service and the dashboard accept, with the same messages.
 */
import { InvalidArgumentError } from 'commander';
import { optionNumber, type RangedOption } from '../optionsSchema.ts';

/** A number for option `name` (a training option, `shift` or `nproc`), checked by its schema. */
export function numberParser(name: RangedOption): (value: string) => number {
  const schema = optionNumber(name);
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
