import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { resolveTrainingOptions } from '../trainer/options.ts';
import { choiceParser, numberParser } from './parsers.ts';

describe('netd train option parsers', () => {
  it.each([
    ['epochs', '0', /Epochs must be at least 1 \(got '0'\)/],
    ['epochs', '2.5', /Epochs must be a whole number/],
    ['momentum', '1', /Momentum must be below 1/],
    ['shift', '0.6', /Shift must be at most 0.5/],
    ['nproc', '65', /Processes must be at most 64/],
    ['nproc', '0', /Processes must be at least 1/],
    ['learningRate', 'fast', /expected a number \(got 'fast'\)/],
    ['validationSplit', '', /expected a number/],
  ] as const)('%s rejects %j with the service’s reason', (field, value, reason) => {
    expect(() => numberParser(field)(value)).toThrow(InvalidArgumentError);
    expect(() => numberParser(field)(value)).toThrow(reason);
  });

  it('accepts what the service accepts, as numbers', () => {
    const opts = {
      epochs: numberParser('epochs')(' 3 '),
      momentum: numberParser('momentum')('0.95'),
      validationSplit: numberParser('validationSplit')('0'),
      augment: { flip: false, shift: numberParser('shift')('0.5') },
    };
    expect(resolveTrainingOptions(opts)).toMatchObject(opts);
  });

  it('choices are case-insensitive and name the valid ones', () => {
    expect(choiceParser(['adam', 'sgd'])('SGD')).toBe('sgd');
    expect(() => choiceParser(['adam', 'sgd'])('rmsprop')).toThrow(/one of adam, sgd/);
  });
});
