/**
 * Reading a primitive node's params into the typed form the compiler needs. Everything — names,
 * types, ranges, defaults (pool strides = pool size included) and the typed reading — comes from
 * the layer catalog, so the trainer and the designer cannot disagree about a value. The design was
 * validated by `analyzeNetwork` before this runs, so a failure here means a caller skipped
 * validation; it still becomes a CompileError with the catalog's message naming node and param.
 */
import { nodeName } from '../../network/catalog/format.ts';
import {
  PRIMITIVES,
  type PrimitiveParams,
  type PrimitiveType,
} from '../../network/catalog/primitives.ts';
import type { NetworkNode } from '../../network/types.ts';
import { CompileError } from './errors.ts';

export type { ActivationName } from '../../network/catalog/params.ts';
export type { Padding } from '../../network/catalog/spatial.ts';
export type { PrimitiveType } from '../../network/catalog/primitives.ts';

export type Pair = [number, number];

/** The compiler's view of a `T` node's params: the catalog's typed reading. */
export type ParamsOf<T extends PrimitiveType> = PrimitiveParams<T>;

/**
 * Checks `node.params` with the catalog's rules and reads them as a `T` node's typed params.
 *
 * @throws CompileError with the catalog's message for the first bad param (it names the node and
 *   the param: `BatchNorm 'bn1': 'epsilon' must be above 0 (got 0)`).
 */
export function readParams<T extends PrimitiveType>(node: NetworkNode, type: T): ParamsOf<T> {
  const def = PRIMITIVES[type];
  const raw = node.params ?? {};
  const values = def.resolve(raw);
  const [first] = def.check(raw, values, { id: node.id, name: nodeName({ ...node, type }) });
  if (first) throw new CompileError(first.message, node.id);
  return def.read(values) as ParamsOf<T>;
}
