import { describe, expect, it } from 'vitest';
import { resolveTrainingOptions } from '../../main/training/trainer/options.ts';
import type { TrainingOptions } from '../../main/training/types.ts';
import { DEFAULT_TRAINING_OPTIONS } from '../../main/training/vocabulary.ts';
import {
  DEFAULT_OPTIONS_FORM,
  formFromOptions,
  parseOptionsForm,
  type OptionsField,
} from './options.ts';

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

  it('opens on the trainer’s defaults, shortened for a quick first run', () => {
    const parsed = parseOptionsForm(DEFAULT_OPTIONS_FORM);
    expect(parsed).toEqual({
      ok: true,
      options: { ...DEFAULT_TRAINING_OPTIONS, epochs: 5, limit: 2000, testLimit: 500 },
    });
  });

  it('explains the trainer’s limits in the form’s words', () => {
    const parsed = parseOptionsForm({
      ...DEFAULT_OPTIONS_FORM,
      momentum: '1',
      batchSize: '8193',
      seed: '-1',
      earlyStoppingPatience: '3',
      validationSplit: '0',
    });
    if (parsed.ok) throw new Error('expected errors');
    expect(parsed.errors).toEqual({
      momentum: 'Momentum must be below 1',
      batchSize: 'Batch size must be at most 8,192',
      seed: 'Seed must be at least 0',
      earlyStoppingPatience: 'Early stopping needs a validation split above 0',
    });
  });

  // The form must refuse exactly what the trainer refuses: a run the form allows never fails on its
  // options, and no setting the trainer takes is turned away.
  const edits: [OptionsField, string][] = [
    ['learningRate', '50'],
    ['learningRate', '0'],
    ['momentum', '0.99'],
    ['momentum', '1'],
    ['stepEvery', '1000000'],
    ['stepEvery', '0'],
    ['stepGamma', '1'],
    ['stepGamma', '1.5'],
    ['epochs', '10000'],
    ['epochs', '10001'],
    ['batchSize', '8192'],
    ['batchSize', '8193'],
    ['seed', '0'],
    ['seed', '4294967296'],
    ['seed', '-1'],
    ['seed', '1.5'],
    ['validationSplit', '0.9'],
    ['validationSplit', '0.91'],
    ['earlyStoppingPatience', '50000'],
    ['earlyStoppingPatience', '-1'],
    ['shift', '0.5'],
    ['shift', '0.51'],
    ['limit', '0'],
    ['limit', '100000000'],
    ['testLimit', '-5'],
  ];
  it.each(edits)('agrees with the trainer on %s = %s', (field, text) => {
    const base = parseOptionsForm(DEFAULT_OPTIONS_FORM);
    if (!base.ok) throw new Error('defaults should parse');
    const value = Number(text);
    const candidate: TrainingOptions =
      field === 'shift'
        ? { ...base.options, augment: { ...base.options.augment, shift: value } }
        : { ...base.options, [field]: value };
    let trainerSays: string | null = null;
    try {
      resolveTrainingOptions(candidate);
    } catch (e) {
      trainerSays = (e as Error).message;
    }
    const form = parseOptionsForm({ ...DEFAULT_OPTIONS_FORM, [field]: text });
    expect(form.ok).toBe(trainerSays === null);
    // One schema: the form shows the trainer's own message beside the field.
    if (!form.ok) expect(trainerSays).toContain(`: ${form.errors[field]}`);
  });
});
