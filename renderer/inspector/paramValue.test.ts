import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../../main/network/types.ts';
import { formatParam, parseParam } from './paramValue.ts';

const spec = (over: Partial<ParamSpec>): ParamSpec => ({
  name: 'x',
  kind: 'int',
  label: 'Filters',
  description: '',
  required: false,
  ...over,
});

describe('param text', () => {
  it('accepts whole numbers in range and explains the rest', () => {
    const filters = spec({ kind: 'int', min: 1, max: 4096, required: true });
    expect(parseParam(filters, '64')).toEqual({ ok: true, value: 64 });
    expect(parseParam(filters, '0')).toEqual({
      ok: false,
      error: 'Filters must be at least 1.',
    });
    expect(parseParam(filters, '2.5')).toEqual({
      ok: false,
      error: 'Filters must be a whole number from 1 to 4096.',
    });
    expect(parseParam(filters, '')).toEqual({ ok: false, error: 'Filters is required.' });
  });

  it('treats an empty optional field as "use the default"', () => {
    expect(parseParam(spec({ kind: 'float' }), '  ')).toEqual({ ok: true, value: undefined });
  });

  it('reads kernels as one size or height×width', () => {
    const k = spec({ kind: 'kernel', min: 1 });
    expect(parseParam(k, '3')).toEqual({ ok: true, value: 3 });
    expect(parseParam(k, '1x7')).toEqual({ ok: true, value: [1, 7] });
    expect(parseParam(k, '5×5')).toEqual({ ok: true, value: 5 });
    expect(parseParam(k, '3x3x3').ok).toBe(false);
    // The catalog's rule, as the Problems panel says it: a range, not a format complaint.
    expect(parseParam(k, '0')).toEqual({ ok: false, error: 'Filters must be at least 1.' });
    expect(parseParam(k, '3x0')).toEqual({
      ok: false,
      error: 'Filters must be at least 1 (each of [h, w]).',
    });
    expect(formatParam(k, [1, 7])).toBe('1×7');
  });

  it('reads padding as valid, same or pixels', () => {
    const p = spec({ kind: 'padding' });
    expect(parseParam(p, 'same')).toEqual({ ok: true, value: 'same' });
    expect(parseParam(p, '2')).toEqual({ ok: true, value: 2 });
    expect(parseParam(p, 'full').ok).toBe(false);
  });

  it('reads input shapes as H×W×C', () => {
    const s = spec({ kind: 'shape', required: true });
    expect(parseParam(s, '224x224x3')).toEqual({ ok: true, value: [224, 224, 3] });
    expect(parseParam(s, '28x28').ok).toBe(false);
    expect(formatParam(s, [32, 32, 3])).toBe('32×32×3');
  });

  it('only accepts listed enum options', () => {
    const e = spec({ kind: 'enum', options: ['relu', 'tanh'] });
    expect(parseParam(e, 'tanh')).toEqual({ ok: true, value: 'tanh' });
    expect(parseParam(e, 'swish').ok).toBe(false);
  });
});
