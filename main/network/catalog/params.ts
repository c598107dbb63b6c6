/**
 * Param specs are the single source of truth for a layer's params: the inspector builds its form
 * from them, the zod schema is derived from them, and so is the cheap hand-written checker that
 * analysis runs on every edit (a zod parse per node per keystroke would dominate analysis time).
 */
import { z } from 'zod';
import type { ParamSpec, Problem, Shape } from '../types.ts';
import { didYouMean } from './suggest.ts';

/** Params after defaults are applied; values are only trustworthy after `checkParams` passed. */
export type ParamValues = Record<string, unknown>;

/** How a node is named in messages: `Conv2D 'conv3'`. */
export interface NodeRef {
  id: string;
  name: string;
  /** Ids of the nodes feeding each input, in input order (for fixes that rewire them). */
  inputIds?: readonly string[];
  /** The node feeding input `index` (merges only), for fixes that change that node's params. */
  inputSource?: (index: number) => InputSource | undefined;
}

/** A node feeding a merge, as its quick fixes need it. */
export interface InputSource {
  id: string;
  /** How messages name it: `MaxPool2D 'pool3'`. */
  name: string;
  type: string;
  /** Checked params with every default applied, derived ones too (pool strides = pool size). */
  params: ParamValues;
  /** The source's own input shape (null for an Input layer). */
  input: Shape | null;
}

export const ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'leakyRelu',
  'elu',
  'sigmoid',
  'tanh',
  'softmax',
  'gelu',
] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** Sanity ceiling for integer params so a typo like 1e12 filters is caught as a range error. */
export const MAX_DIM = 1 << 20;

type Spec = Omit<ParamSpec, 'required'> & { required?: boolean };

/** Builds a ParamSpec; a param without a default is required unless said otherwise. */
export function param(spec: Spec): ParamSpec {
  return { ...spec, required: spec.required ?? spec.default === undefined };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isPair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && isInt(v[0]) && isInt(v[1]);

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

type Verdict = null | { code: 'bad-param-type' | 'param-out-of-range'; text: string };

function rangeText(spec: ParamSpec, unit = 'a whole number'): string {
  const low = spec.minExclusive ? `> ${spec.min}` : `≥ ${spec.min}`;
  // MAX_DIM is a sanity ceiling, not a limit worth teaching; say "≥ 1" instead.
  if (spec.min !== undefined && spec.max !== undefined && spec.max < MAX_DIM)
    return spec.minExclusive
      ? `${unit} ${low} and ≤ ${spec.max}`
      : `${unit} from ${spec.min} to ${spec.max}`;
  if (spec.min !== undefined) return `${unit} ${low}`;
  if (spec.max !== undefined) return `${unit} ≤ ${spec.max}`;
  return unit;
}

function inRange(spec: ParamSpec, v: number): boolean {
  const aboveMin = spec.min === undefined || (spec.minExclusive ? v > spec.min : v >= spec.min);
  return aboveMin && (spec.max === undefined || v <= spec.max);
}

/** "must be at least 1" / "must be at most 64" for a number of the right kind out of range. */
function boundText(spec: ParamSpec, v: number): string | null {
  if (spec.min !== undefined && (spec.minExclusive ? v <= spec.min : v < spec.min))
    return spec.minExclusive ? `must be above ${spec.min}` : `must be at least ${spec.min}`;
  if (spec.max !== undefined && v > spec.max) return `must be at most ${spec.max}`;
  return null;
}

const BAD = 'bad-param-type' as const;
const RANGE = 'param-out-of-range' as const;
const PADDING_TEXT = `must be 'valid', 'same', a whole number ≥ 0 or a pair [ph, pw]`;
const SHAPE_TEXT = 'must be [height, width, channels] (or [features]) of whole numbers ≥ 1';

/**
 * Checks one value against its spec; `null` when it is fine. Hot path: no closures, and message
 * text is only built for a failing value.
 */
function checkValue(spec: ParamSpec, v: unknown): Verdict {
  switch (spec.kind) {
    case 'int':
      if (isInt(v) && inRange(spec, v)) return null;
      if (isInt(v)) return { code: RANGE, text: boundText(spec, v)! };
      return { code: BAD, text: `must be ${rangeText(spec)}` };
    case 'float':
      if (typeof v !== 'number' || !Number.isFinite(v))
        return { code: BAD, text: `must be ${rangeText(spec, 'a number')}` };
      return inRange(spec, v) ? null : { code: RANGE, text: boundText(spec, v)! };
    case 'bool':
      return typeof v === 'boolean' ? null : { code: BAD, text: 'must be true or false' };
    case 'enum':
      return typeof v === 'string' && spec.options?.includes(v)
        ? null
        : { code: BAD, text: `must be one of ${(spec.options ?? []).join(', ')}` };
    case 'kernel': {
      if (isInt(v)) return inRange(spec, v) ? null : { code: RANGE, text: boundText(spec, v)! };
      if (isPair(v)) {
        const bad = inRange(spec, v[0]) ? (inRange(spec, v[1]) ? null : v[1]) : v[0];
        return bad === null
          ? null
          : { code: RANGE, text: `${boundText(spec, bad)!} (each of [h, w])` };
      }
      return { code: BAD, text: `must be ${rangeText(spec)} or a pair [h, w] of them` };
    }
    case 'padding': {
      if (v === 'valid' || v === 'same') return null;
      if (isInt(v)) return v >= 0 && v <= MAX_DIM ? null : { code: RANGE, text: PADDING_TEXT };
      if (isPair(v))
        return v[0] >= 0 && v[1] >= 0 && v[0] <= MAX_DIM && v[1] <= MAX_DIM
          ? null
          : { code: RANGE, text: PADDING_TEXT };
      return { code: BAD, text: PADDING_TEXT };
    }
    case 'shape': {
      if (!Array.isArray(v) || (v.length !== 3 && v.length !== 1) || !v.every(isInt))
        return { code: BAD, text: SHAPE_TEXT };
      for (const d of v as number[])
        if (d < 1 || d > MAX_DIM) return { code: RANGE, text: SHAPE_TEXT };
      return null;
    }
  }
}

/**
 * Why `value` is not a valid value of `spec` ("must be at least 1"), or null when it is. The
 * inspector shows this while the user types, so the form and the analysis use one rule.
 */
export function paramValueError(spec: ParamSpec, value: unknown): string | null {
  return checkValue(spec, value)?.text ?? null;
}

function hasSpec(specs: readonly ParamSpec[], name: string): boolean {
  for (let i = 0; i < specs.length; i++) if (specs[i]!.name === name) return true;
  return false;
}

/**
 * Checks every param of a node against the specs: unknown names, missing required values, types
 * and ranges. Returns all problems at once (never throws).
 */
export function checkParams(
  specs: readonly ParamSpec[],
  raw: Record<string, unknown>,
  values: ParamValues,
  who: NodeRef,
): Problem[] {
  const problems: Problem[] = [];
  for (const key in raw) {
    if (!hasSpec(specs, key)) {
      const names = specs.map((s) => s.name);
      const known = names.join(', ') || 'none';
      problems.push({
        severity: 'error',
        code: 'unknown-param',
        nodeId: who.id,
        param: key,
        message: `${who.name}: unknown param '${key}'${didYouMean(key, names) || ` (known params: ${known})`}`,
      });
    }
  }
  for (const spec of specs) {
    const v = values[spec.name];
    if (v === undefined) {
      if (spec.required)
        problems.push({
          severity: 'error',
          code: 'missing-param',
          nodeId: who.id,
          param: spec.name,
          message: `${who.name}: '${spec.name}' is required${spec.label.toLowerCase() === spec.name.toLowerCase() ? '' : ` (${spec.label.toLowerCase()})`}`,
        });
      continue;
    }
    const verdict = checkValue(spec, v);
    if (verdict)
      problems.push({
        severity: 'error',
        code: verdict.code,
        nodeId: who.id,
        param: spec.name,
        message: `${who.name}: '${spec.name}' ${verdict.text} (got ${show(v)})`,
      });
  }
  return problems;
}

function zodFor(spec: ParamSpec): z.ZodType {
  const int = () => {
    let s = z.int();
    if (spec.min !== undefined) s = s.min(spec.min);
    if (spec.max !== undefined) s = s.max(spec.max);
    return s;
  };
  switch (spec.kind) {
    case 'int':
      return int();
    case 'float': {
      let s = z.number();
      if (spec.min !== undefined) s = spec.minExclusive ? s.gt(spec.min) : s.min(spec.min);
      if (spec.max !== undefined) s = s.max(spec.max);
      return s;
    }
    case 'bool':
      return z.boolean();
    case 'enum':
      return z.enum((spec.options ?? []) as [string, ...string[]]);
    case 'kernel':
      return z.union([int(), z.tuple([int(), int()])]);
    case 'padding': {
      const p = z.int().min(0).max(MAX_DIM);
      return z.union([z.enum(['valid', 'same']), p, z.tuple([p, p])]);
    }
    case 'shape':
      return z
        .array(z.int().min(1).max(MAX_DIM))
        .refine((a) => a.length === 3 || a.length === 1, 'expected [H, W, C] or [N]');
  }
}

/** A strict zod schema for a layer's params, derived from its specs (for API boundaries). */
export function paramsSchema(specs: readonly ParamSpec[]): z.ZodType<ParamValues> {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of specs)
    shape[spec.name] = spec.required ? zodFor(spec) : zodFor(spec).optional();
  return z.strictObject(shape) as unknown as z.ZodType<ParamValues>;
}

/** `3` → `[3, 3]`; `[3, 5]` → `[3, 5]` (for already-checked kernel/padding-like values). */
export function pair(v: unknown): [number, number] {
  if (Array.isArray(v)) return [v[0] as number, v[1] as number];
  return [v as number, v as number];
}
