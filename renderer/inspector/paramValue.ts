/**
 * Text ↔ value for each kind of layer param, with the validation message the inspector shows
 * while the user types. Pure, so every rule is unit-tested.
 */
import type { ParamSpec } from '../../main/network/types.ts';
import { paramValueError } from '../../main/network/catalog/params.ts';

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

/** "3", "1x7", "224×224×3" or "3, 3" → whole numbers (0 included, the catalog judges ranges). */
function readDims(text: string): number[] | null {
  const parts = text.split(/\s*[x×,*]\s*/i).filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.map(Number);
}

/**
 * A value of the right form, judged by the catalog's own rule (the one analysis applies), so the
 * form says exactly what the Problems panel would: "Kernel size must be at least 1."
 */
function judged(spec: ParamSpec, value: unknown): Parsed {
  const error = paramValueError(spec, value);
  return error ? { ok: false, error: `${spec.label} ${error}.` } : { ok: true, value };
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
    case 'float': {
      const n = Number(t);
      if (!Number.isFinite(n)) return { ok: false, error: `${spec.label} must be a number.` };
      return judged(spec, n);
    }
    case 'bool':
      return t === 'true' || t === 'false'
        ? { ok: true, value: t === 'true' }
        : { ok: false, error: 'Choose yes or no.' };
    case 'enum':
      return spec.options?.includes(t)
        ? { ok: true, value: t }
        : { ok: false, error: `Choose one of ${spec.options?.join(', ')}.` };
    case 'kernel': {
      const dims = readDims(t);
      if (!dims || dims.length > 2)
        return { ok: false, error: 'Write one size (3) or height×width (1×7).' };
      return judged(spec, dims.length === 1 || dims[0] === dims[1] ? dims[0] : dims);
    }
    case 'padding': {
      if (t === 'valid' || t === 'same') return { ok: true, value: t };
      if (!/^\d+$/.test(t))
        return { ok: false, error: "Use 'valid', 'same' or a number of pixels." };
      return judged(spec, Number(t));
    }
    case 'shape': {
      const dims = readDims(t);
      if (!dims || dims.length !== 3)
        return { ok: false, error: 'Write height×width×channels, e.g. 224×224×3.' };
      return judged(spec, dims);
    }
  }
}
