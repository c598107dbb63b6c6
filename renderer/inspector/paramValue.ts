/**
 * Text ↔ value for each kind of layer param, with the validation message the inspector shows
 * while the user types. Pure, so every rule is unit-tested.
 */
import type { ParamSpec } from '../../main/network/types.ts';
import { parseShape } from '../graph/format.ts';

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** The text an input shows for a stored value (empty when the param is not set). */
export function formatParam(spec: ParamSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.kind === 'kernel' || spec.kind === 'shape') {
    if (Array.isArray(value)) return value.join('×');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

/** Parses what the user typed; empty text means "use the default" for optional params. */
export function parseParam(spec: ParamSpec, text: string): Parsed {
  const t = text.trim();
  if (t === '') {
    return spec.required
      ? { ok: false, error: `${spec.label} is required.` }
      : { ok: true, value: undefined };
  }
  switch (spec.kind) {
    case 'int':
      return parseNumber(spec, t, true);
    case 'float':
      return parseNumber(spec, t, false);
    case 'bool':
      return t === 'true' || t === 'false'
        ? { ok: true, value: t === 'true' }
        : { ok: false, error: 'Choose yes or no.' };
    case 'enum':
      return spec.options?.includes(t)
        ? { ok: true, value: t }
        : { ok: false, error: `Choose one of ${spec.options?.join(', ')}.` };
    case 'kernel': {
      const dims = parseShape(t);
      if (!dims || dims.length > 2)
        return { ok: false, error: 'Write one size (3) or height×width (1×7).' };
      const bad = dims.find((d) => (spec.max !== undefined && d > spec.max) || d < (spec.min ?? 1));
      if (bad !== undefined) return { ok: false, error: rangeText(spec, 'Each size') };
      return { ok: true, value: dims.length === 1 || dims[0] === dims[1] ? dims[0] : dims };
    }
    case 'padding': {
      if (t === 'valid' || t === 'same') return { ok: true, value: t };
      if (!/^\d+$/.test(t))
        return { ok: false, error: "Use 'valid', 'same' or a number of pixels." };
      return { ok: true, value: Number(t) };
    }
    case 'shape': {
      const dims = parseShape(t);
      if (!dims || dims.length !== 3)
        return { ok: false, error: 'Write height×width×channels, e.g. 224×224×3.' };
      return { ok: true, value: dims };
    }
  }
}

function parseNumber(spec: ParamSpec, t: string, integer: boolean): Parsed {
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, error: `${spec.label} must be a number.` };
  if (integer && !Number.isInteger(n))
    return { ok: false, error: `${spec.label} must be a whole number.` };
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    return { ok: false, error: rangeText(spec, spec.label) };
  }
  return { ok: true, value: n };
}

function rangeText(spec: ParamSpec, what: string): string {
  if (spec.min !== undefined && spec.max !== undefined)
    return `${what} must be between ${spec.min} and ${spec.max}.`;
  if (spec.min !== undefined) return `${what} must be at least ${spec.min}.`;
  return `${what} must be at most ${spec.max}.`;
}
