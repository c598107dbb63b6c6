import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { resolveTrainingOptions } from '../trainer/options.ts';
import { choiceParser, numberParser } from './parsers.ts';

describe('netd train option parsers', () => {
  it.each([
    ['epochs', '0', /epochs must be at least 1/],
    ['epochs', '2.5', /epochs must be a whole number/],
    ['momentum', '1', /momentum must be between 0 and 1/],
    ['shift', '0.6', /shift must be between 0 and 0.5/],
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
