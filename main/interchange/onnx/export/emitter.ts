/** Collects ONNX nodes and initializers as plain protobuf objects while a design is walked. */
import { ATTRIBUTE_TYPE } from '../proto.ts';
import { floatTensor } from '../tensorData.ts';

type Attribute = Record<string, unknown>;

/** An ONNX attribute: integer(s), float or string, typed as the IR requires. */
export function attribute(
  name: string,
  value: number | number[] | string,
  float = false,
): Attribute {
  if (typeof value === 'string')
    return { name, type: ATTRIBUTE_TYPE.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: ATTRIBUTE_TYPE.INTS, ints: value };
  return float || !Number.isInteger(value)
    ? { name, type: ATTRIBUTE_TYPE.FLOAT, f: value }
    : { name, type: ATTRIBUTE_TYPE.INT, i: value };
}

/** The growing graph. Node names follow PyTorch's `/<design id>/<Op>` so the file reads alike. */
export class Emitter {
  readonly nodes: object[] = [];
  readonly initializers: object[] = [];
  private readonly counts = new Map<string, number>();

  /** Adds a node; returns its output tensor name (`out`, or a fresh one). */
  node(
    op: string,
    owner: string,
    inputs: readonly string[],
    attributes: Attribute[] = [],
    out?: string,
  ): string {
    const base = `/${owner}/${op}`;
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    const name = n === 1 ? base : `${base}_${n - 1}`;
    const output = out ?? `${name}_output_0`;
    this.nodes.push({
      name,
      opType: op,
      input: [...inputs],
      output: [output],
      attribute: attributes,
    });
    return output;
  }

  /** Adds a float32 initializer and returns its name. */
  weight(name: string, dims: readonly number[], data: Float32Array): string {
    this.initializers.push(floatTensor(name, dims, data));
    return name;
  }

  /** A float32 scalar constant (Clip bounds, the Gelu constants, a Dropout ratio). */
  scalar(name: string, value: number): string {
    return this.weight(name, [], Float32Array.of(value));
  }
}
