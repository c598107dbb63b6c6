import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS_FORM, parseOptionsForm } from './options.ts';
import { trainBlocker, type ReadinessInput } from './readiness.ts';
import { TEST_DATA } from './testEvents.ts';

const ready: ReadinessInput = {
  design: { inputShape: [28, 28, 1], classes: 4, errors: [] },
  dataSpec: 'synthetic',
  description: { status: 'ready', value: TEST_DATA, error: null },
  mismatches: [],
  options: parseOptionsForm(DEFAULT_OPTIONS_FORM),
  busy: false,
};

describe('train button readiness', () => {
  it('allows training when design, data and options are fine', () => {
    expect(trainBlocker(ready)).toBeNull();
  });
  it('points to the Problems panel when the design has errors', () => {
    expect(trainBlocker({ ...ready, design: { ...ready.design!, errors: ['a', 'b'] } })).toBe(
      'The design has 2 errors — fix them in the Problems panel first.',
    );
  });
  it('asks for a folder, then reports unreadable data as the host said it', () => {
    expect(trainBlocker({ ...ready, dataSpec: '' })).toBe('Choose a data folder.');
    expect(
      trainBlocker({
        ...ready,
        description: { status: 'error', value: null, error: 'No such folder: /x' },
      }),
    ).toBe('No such folder: /x');
  });
  it('offers the adapt action for a blocking mismatch but not for a note', () => {
    const note = { kind: 'size' as const, blocking: false, message: 'Images will be resized.' };
    expect(trainBlocker({ ...ready, mismatches: [note] })).toBeNull();
    const block = {
      kind: 'classes' as const,
      blocking: true,
      message: 'The data has 4 classes but the network’s output has 10 units.',
    };
    expect(trainBlocker({ ...ready, mismatches: [note, block] })).toContain(
      'Adapt network to data',
    );
  });
  it('names the first invalid option', () => {
    expect(
      trainBlocker({
        ...ready,
        options: parseOptionsForm({ ...DEFAULT_OPTIONS_FORM, batchSize: '0' }),
      }),
    ).toBe('Batch size must be at least 1.');
  });
  it('names what is wrong with the PyTorch engine’s Device or Processes', () => {
    expect(
      trainBlocker({
        ...ready,
        engine: '3 processes is more than the 2 CPU cores here; use 2 processes or fewer',
      }),
    ).toBe('3 processes is more than the 2 CPU cores here; use 2 processes or fewer.');
  });
});
