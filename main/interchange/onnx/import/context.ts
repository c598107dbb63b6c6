/** What an operator converter sees of the ONNX graph and the design being built. */
import type { ConstTensor } from '../tensorData.ts';
import type { OnnxNode } from '../model.ts';
import { NodeProblem, type Draft, type Value } from './draft.ts';

/** Thrown when an input comes from a node that already failed: that failure is reported once. */
export class Skip extends Error {
  override name = 'Skip';
}

/** The graph around one ONNX node, for its converter. */
export interface OpContext {
  readonly node: OnnxNode;
  readonly opset: number;
  readonly draft: Draft;
  /** Id hint for the design node this ONNX node becomes. */
  readonly hint: string;
  /** Input `i` as a design value; throws NodeProblem when it is a constant or absent. */
  value(i: number): Value;
  /** Input `i` when it is a constant (initializer or Constant), else undefined. */
  constant(i: number): ConstTensor | undefined;
  /** The constant named `name`, if it is one. */
  constantNamed(name: string): ConstTensor | undefined;
  /** Binds ONNX value `name` (an output of an absorbed node) to `v`. */
  outputNamed(name: string, v: Value): void;
  /** Whether input `i` is given (ONNX marks skipped optional inputs with ''). */
  has(i: number): boolean;
  /** Binds output `i` to `v`. */
  output(v: Value, i?: number): void;
  /** The nodes reading ONNX value `name`. */
  consumers(name: string): readonly OnnxNode[];
  /** Whether `name` is an output of the graph. */
  isGraphOutput(name: string): boolean;
  /** Marks `other` as converted together with this node (MatMul + Add). */
  absorb(other: OnnxNode): void;
}

/** A constant input that must be present, with a message naming what it is for. */
export function requireConstant(ctx: OpContext, i: number, what: string): ConstTensor {
  const c = ctx.constant(i);
  if (!c) {
    if (!ctx.has(i)) throw new NodeProblem(`has no ${what} input`);
    throw new NodeProblem(
      `${what} ('${ctx.node.input[i]}') is computed at run time; NetDesigner imports it only as a stored constant (initializer)`,
    );
  }
  return c;
}

/** Throws when an output other than the first is read (BatchNorm statistics, pooling indices). */
export function onlyFirstOutput(ctx: OpContext, what: string): void {
  for (const name of ctx.node.output.slice(1)) {
    if (name && (ctx.consumers(name).length > 0 || ctx.isGraphOutput(name)))
      throw new NodeProblem(
        `its ${what} output '${name}' is used; NetDesigner keeps only the first`,
      );
  }
}
