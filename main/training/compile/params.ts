/**
 * Reading a primitive node's params into the typed form the compiler needs. Defaults (pool strides
 * = pool size included) come from the layer catalog, so the trainer and the designer cannot
 * disagree about them. The design was validated by `analyzeNetwork` before this runs, so a failure
 * here means a caller skipped validation; it still becomes a CompileError naming the node and param.
 */
import { z } from 'zod';
import { ACTIVATIONS } from '../../network/catalog/params.ts';
import { getPrimitiveDef } from '../../network/catalog/primitives.ts';
import type { NetworkNode } from '../../network/types.ts';
import { CompileError } from './errors.ts';

export type { ActivationName } from '../../network/catalog/params.ts';
export { pair } from '../../network/catalog/params.ts';
export { readPadding, type Padding } from '../../network/catalog/spatial.ts';

export type Pair = [number, number];

const posInt = z.number().int().min(1);
const pairSchema = z.union([posInt, z.tuple([posInt, posInt])]);
const paddingSchema = z.union([
  z.enum(['same', 'valid']),
  z.number().int().min(0),
  z.tuple([z.number().int().min(0), z.number().int().min(0)]),
]);
const activationSchema = z.enum(ACTIVATIONS);

/** The compiler's view of each primitive's params: types and ranges only, defaults already applied. */
const SCHEMAS = {
  Input: z.object({ shape: z.tuple([posInt, posInt, posInt]) }),
  Conv2D: z.object({
    filters: posInt,
    kernelSize: pairSchema,
    strides: pairSchema,
    padding: paddingSchema,
    dilation: pairSchema,
    useBias: z.boolean(),
    activation: activationSchema,
  }),
  MaxPool2D: z.object({
    poolSize: pairSchema,
    strides: pairSchema,
    padding: paddingSchema,
  }),
  AvgPool2D: z.object({
    poolSize: pairSchema,
    strides: pairSchema,
    padding: paddingSchema,
  }),
  GlobalAvgPool2D: z.object({}),
  GlobalMaxPool2D: z.object({}),
  Flatten: z.object({}),
  Dense: z.object({
    units: posInt,
    useBias: z.boolean(),
    activation: activationSchema,
  }),
  BatchNorm: z.object({
    epsilon: z.number().positive(),
    momentum: z.number().min(0).max(1),
  }),
  Activation: z.object({ fn: activationSchema }),
  Dropout: z.object({ rate: z.number().min(0).max(1) }),
  LRN: z.object({
    depthRadius: z.number().int().min(0),
    bias: z.number(),
    alpha: z.number(),
    beta: z.number(),
  }),
  Add: z.object({}),
  Concat: z.object({}),
} as const;

export type PrimitiveType = keyof typeof SCHEMAS;
export type ParamsOf<T extends PrimitiveType> = z.infer<(typeof SCHEMAS)[T]>;

/**
 * Parses `node.params`, with the catalog's defaults applied, as a `T` node.
 *
 * @throws CompileError naming the node and the first bad param.
 */
export function readParams<T extends PrimitiveType>(node: NetworkNode, type: T): ParamsOf<T> {
  // Unknown keys (e.g. a future param, or `label`-like extras) are ignored: validation reports them.
  const parsed = SCHEMAS[type].safeParse(getPrimitiveDef(type).resolveAll(node.params ?? {}));
  if (parsed.success) return parsed.data as ParamsOf<T>;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` param '${issue.path.join('.')}'` : '';
  throw new CompileError(
    `${type} '${node.id}':${where} ${issue?.message ?? 'invalid params'}`,
    node.id,
  );
}
