import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS_FORM, formFromOptions, parseOptionsForm } from './options.ts';

describe('training options form', () => {
  it('parses the defaults into options the trainer accepts', () => {
    const parsed = parseOptionsForm(DEFAULT_OPTIONS_FORM);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.options).toMatchObject({
      epochs: 5,
      batchSize: 32,
      learningRate: 0.001,
      optimizer: 'adam',
      augment: { flip: false, shift: 0 },
    });
  });

  it('names each bad field in its message', () => {
    const parsed = parseOptionsForm({
      ...DEFAULT_OPTIONS_FORM,
      epochs: '2.5',
      learningRate: '-1',
      batchSize: '',
      validationSplit: 'abc',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.epochs).toBe('Epochs must be a whole number');
    expect(parsed.errors.learningRate).toBe('Learning rate must be above 0');
    expect(parsed.errors.batchSize).toBe('Batch size is required');
    expect(parsed.errors.validationSplit).toBe('Validation split must be a number');
    expect(parsed.errors.seed).toBeUndefined();
  });

  it('round-trips a run’s options through the form', () => {
    const parsed = parseOptionsForm({
      ...DEFAULT_OPTIONS_FORM,
      optimizer: 'sgd',
      schedule: 'cosine',
      flip: true,
      shift: '0.1',
    });
    if (!parsed.ok) throw new Error('defaults should parse');
    const again = parseOptionsForm(formFromOptions(parsed.options));
    expect(again).toEqual(parsed);
  });
});
