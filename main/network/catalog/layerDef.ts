/**
 * What one catalog entry is. A layer file writes a typed `LayerSpec<P>`; `defineLayer` erases the
 * param type so the registry can hold every layer in one map, and generates the param checker and
 * zod schema from the specs. Adding a layer type = one new file + one line in the registry.
 */
import type { z } from 'zod';
import type {
  LayerGroup,
  LayerInfo,
  LayerType,
  ParamSpec,
  Problem,
  ReceptiveField,
  Shape,
} from '../types.ts';
import { checkParams, paramsSchema, type NodeRef, type ParamValues } from './params.ts';

export interface Counts {
  trainable: number;
  nonTrainable: number;
  macs: number;
}

export const NO_COUNTS: Counts = { trainable: 0, nonTrainable: 0, macs: 0 };

/** A layer's output shape, or the problems that prevent computing it. */
export type ShapeResult = { shape: Shape } | { problems: Problem[] };

/** The primitive graph a composite node stands for (nodes listed in topological order). */
export interface Expansion {
  nodes: { id: string; type: LayerType; params: ParamValues; dx: number; dy: number }[];
  /**
   * Internal edges in order (for Add/Concat their order is the input order); the source
   * `EXPANSION_INPUT` stands for the composite's own input.
   */
  edges: { source: string; target: string }[];
  /** The node whose output is the composite's output. */
  exit: string;
}

export interface LayerSpec<P> {
  type: LayerType;
  group: LayerGroup;
  description: string;
  params: ParamSpec[];
  initialParams: ParamValues;
  minInputs: number;
  maxInputs: number;
  /** Turns checked param values into the typed params (derived defaults applied here). */
  read(values: ParamValues): P;
  /** Defaults that depend on other params (pool strides = pool size), for `resolveParams`. */
  derived?(values: ParamValues): ParamValues;
  /** Checks that span several params (e.g. pool padding ≤ half the window). */
  crossCheck?(p: P, who: NodeRef): Problem[];
  shape(p: P, inputs: readonly Shape[], who: NodeRef): ShapeResult;
  counts(p: P, inputs: readonly Shape[], out: Shape): Counts;
  /**
   * Composite layers only: float32 bytes per example of every tensor its backward pass keeps
   * (all primitive outputs of the expansion). A primitive keeps just its output.
   */
  keptBytes?(p: P): number;
  receptiveField(p: P, inputs: readonly Shape[], rf: ReceptiveField): ReceptiveField;
  summary(p: P): string;
  /** Blocks with a shortcut: whether it is identity or a projection for these inputs. */
  shortcut?(p: P, inputs: readonly Shape[]): 'identity' | 'projection';
  formulas(p: P, inputs: readonly Shape[], out: Shape, counts: Counts): string[];
  /** Composite layers only. `input` is null when the input shape is unknown. */
  expand?(p: P, id: string, input: Shape | null): Expansion;
}

/** Everything analysis needs about a node whose inputs are known. */
export type Evaluation =
  | {
      ok: true;
      shape: Shape;
      counts: Counts;
      rf: ReceptiveField;
      formulas: string[];
      /** Bytes a backward pass keeps per example; absent for primitives (= the output). */
      keptBytes?: number;
      shortcut?: 'identity' | 'projection';
    }
  | { ok: false; problems: Problem[] };

/** The type-erased catalog entry the registry stores. */
export interface LayerDef<P = unknown> {
  readonly type: LayerType;
  readonly info: LayerInfo;
  readonly composite: boolean;
  readonly schema: z.ZodType<ParamValues>;
  /** Raw params with defaults applied (unchecked). */
  resolve(raw: Record<string, unknown>): ParamValues;
  /** Like `resolve`, plus derived defaults; for display and for the trainer. */
  resolveAll(raw: Record<string, unknown>): ParamValues;
  /** All param problems of a node (unknown, missing, type, range, cross-param). */
  check(raw: Record<string, unknown>, values: ParamValues, who: NodeRef): Problem[];
  summary(values: ParamValues): string;
  evaluate(
    values: ParamValues,
    inputs: readonly Shape[],
    rf: ReceptiveField,
    who: NodeRef,
  ): Evaluation;
  expand(values: ParamValues, id: string, input: Shape | null): Expansion | null;
  /**
   * Checked values (see `check`) → the typed params every consumer reads: windows as `[h, w]`,
   * padding normalised, derived defaults applied (the trainer compiles from these).
   */
  read(values: ParamValues): P;
}

/** Erases a typed layer spec into a registry entry (keeping its typed `read`). */
export function defineLayer<P>(spec: LayerSpec<P>): LayerDef<P> {
  const defaults: ParamValues = {};
  for (const s of spec.params) if (s.default !== undefined) defaults[s.name] = s.default;
  const hasDefaults = Object.keys(defaults).length > 0;
  const info: LayerInfo = {
    type: spec.type,
    group: spec.group,
    description: spec.description,
    params: spec.params,
    minInputs: spec.minInputs,
    maxInputs: spec.maxInputs,
    composite: spec.expand !== undefined,
    initialParams: spec.initialParams,
  };
  return {
    type: spec.type,
    info,
    composite: spec.expand !== undefined,
    schema: paramsSchema(spec.params),
    resolve: (raw) => (hasDefaults ? { ...defaults, ...raw } : raw),
    resolveAll(raw) {
      const values = { ...defaults, ...raw };
      return spec.derived ? { ...values, ...spec.derived(values) } : values;
    },
    check(raw, values, who) {
      const problems = checkParams(spec.params, raw, values, who);
      if (problems.length === 0 && spec.crossCheck)
        problems.push(...spec.crossCheck(spec.read(values), who));
      return problems;
    },
    summary: (values) => spec.summary(spec.read(values)),
    evaluate(values, inputs, rf, who) {
      const p = spec.read(values);
      const result = spec.shape(p, inputs, who);
      if ('problems' in result) return { ok: false, problems: result.problems };
      const counts = spec.counts(p, inputs, result.shape);
      return {
        ok: true,
        shape: result.shape,
        counts,
        rf: spec.receptiveField(p, inputs, rf),
        formulas: spec.formulas(p, inputs, result.shape, counts),
        ...(spec.keptBytes ? { keptBytes: spec.keptBytes(p) } : {}),
        ...(spec.shortcut ? { shortcut: spec.shortcut(p, inputs) } : {}),
      };
    },
    expand: (values, id, input) => (spec.expand ? spec.expand(spec.read(values), id, input) : null),
    read: (values) => spec.read(values),
  };
}

/** An error problem on a node. */
export function nodeError(
  who: NodeRef,
  code: Problem['code'],
  message: string,
  extra: Partial<Problem> = {},
): Problem {
  return { severity: 'error', code, nodeId: who.id, message: `${who.name}: ${message}`, ...extra };
}

/** The receptive field unchanged (element-wise layers). */
export const sameRf = (_p: unknown, _i: readonly Shape[], rf: ReceptiveField): ReceptiveField => rf;
