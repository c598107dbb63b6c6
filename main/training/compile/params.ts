/**
 * Reading a primitive node's params, with DESIGN.md's defaults, into the typed form the compiler
 * needs. The design was validated by `analyzeNetwork` before this runs, so a failure here means a
 * caller skipped validation; it still becomes a CompileError naming the node and param.
 */
import { z } from 'zod';
import type { NetworkNode } from '../../network/types.ts';
import { CompileError } from './errors.ts';

const posInt = z.number().int().min(1);
const pairSchema = z.union([posInt, z.tuple([posInt, posInt])]);
const paddingSchema = z.union([
  z.enum(['same', 'valid']),
  z.number().int().min(0),
  z.tuple([z.number().int().min(0), z.number().int().min(0)]),
]);

export const ACTIVATION_NAMES = [
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
export type ActivationName = (typeof ACTIVATION_NAMES)[number];
const activationSchema = z.enum(ACTIVATION_NAMES);

export type Pair = [number, number];
/** `same`/`valid`, or explicit symmetric zero padding per axis `[ph, pw]` (PyTorch semantics). */
export type Padding = 'same' | 'valid' | Pair;

/** A kernel/stride/padding value as `[h, w]` (a single number applies to both axes). */
export const pair = (v: number | readonly number[]): Pair =>
  typeof v === 'number' ? [v, v] : [v[0] ?? 1, v[1] ?? v[0] ?? 1];

/** A padding param as the compiler uses it: `same`, `valid`, or `[ph, pw]`. */
export const readPadding = (v: z.infer<typeof paddingSchema>): Padding =>
  v === 'same' || v === 'valid' ? v : pair(v);

const SCHEMAS = {
  Input: z.object({ shape: z.tuple([posInt, posInt, posInt]) }),
  Conv2D: z.object({
    filters: posInt,
    kernelSize: pairSchema,
    strides: pairSchema.default(1),
    padding: paddingSchema.default('valid'),
    dilation: pairSchema.default(1),
    useBias: z.boolean().default(true),
    activation: activationSchema.default('linear'),
  }),
  MaxPool2D: z.object({
    poolSize: pairSchema.default(2),
    strides: pairSchema.optional(),
    padding: paddingSchema.default('valid'),
  }),
  AvgPool2D: z.object({
    poolSize: pairSchema.default(2),
    strides: pairSchema.optional(),
    padding: paddingSchema.default('valid'),
  }),
  GlobalAvgPool2D: z.object({}),
  GlobalMaxPool2D: z.object({}),
  Flatten: z.object({}),
  Dense: z.object({
    units: posInt,
    useBias: z.boolean().default(true),
    activation: activationSchema.default('linear'),
  }),
  BatchNorm: z.object({
    epsilon: z.number().positive().default(1e-5),
    momentum: z.number().min(0).max(1).default(0.1),
  }),
  Activation: z.object({ fn: activationSchema.default('relu') }),
  Dropout: z.object({ rate: z.number().min(0).max(1).default(0.5) }),
  LRN: z.object({
    depthRadius: z.number().int().min(0).default(2),
    bias: z.number().default(1),
    alpha: z.number().default(1e-4),
    beta: z.number().default(0.75),
  }),
  Add: z.object({}),
  Concat: z.object({}),
} as const;

export type PrimitiveType = keyof typeof SCHEMAS;
export type ParamsOf<T extends PrimitiveType> = z.infer<(typeof SCHEMAS)[T]>;

/** True for the layer types the compiler builds directly (composites are expanded first). */
export function isPrimitiveType(type: string): type is PrimitiveType {
  return Object.hasOwn(SCHEMAS, type);
}

/**
 * Parses `node.params` as a `T` node.
 *
 * @throws CompileError naming the node and the first bad param.
 */
export function readParams<T extends PrimitiveType>(node: NetworkNode, type: T): ParamsOf<T> {
  // Unknown keys (e.g. a future param, or `label`-like extras) are ignored: validation reports them.
  const parsed = SCHEMAS[type].safeParse(node.params ?? {});
  if (parsed.success) return parsed.data as ParamsOf<T>;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` param '${issue.path.join('.')}'` : '';
  throw new CompileError(
    `${type} '${node.id}':${where} ${issue?.message ?? 'invalid params'}`,
    node.id,
  );
}
