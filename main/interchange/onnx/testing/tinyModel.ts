/**
 * Small ONNX models built in tests, as plain ModelProto objects: a valid tiny CNN to start from
 * and helpers to break it in one place. Encoded with the same codec the importer reads with.
 */
import { ATTRIBUTE_TYPE, DATA_TYPE, encodeModelProto } from '../proto.ts';
import { floatTensor } from '../tensorData.ts';

export interface TinyNode {
  name: string;
  opType: string;
  input: string[];
  output: string[];
  domain?: string;
  attribute?: object[];
}

export interface TinyModel {
  irVersion?: number;
  opsetImport: { domain: string; version: number }[];
  graph?: {
    name: string;
    node: TinyNode[];
    initializer: object[];
    input: object[];
    output: object[];
  };
}

/** An INTS / INT / FLOAT attribute. */
export function ints(name: string, values: number[]): object {
  return { name, type: ATTRIBUTE_TYPE.INTS, ints: values };
}
export function int(name: string, value: number): object {
  return { name, type: ATTRIBUTE_TYPE.INT, i: value };
}
export function float(name: string, value: number): object {
  return { name, type: ATTRIBUTE_TYPE.FLOAT, f: value };
}

/** A float tensor of `dims` filled with a deterministic ramp (so layouts show in outputs). */
export function ramp(name: string, dims: number[], scale = 0.01): object {
  const n = dims.reduce((a, b) => a * b, 1);
  const data = Float32Array.from({ length: n }, (_, i) => (((i * 7919) % 97) - 48) * scale);
  return floatTensor(name, dims, data);
}

/** A graph input or output of float32 with these dims (strings are symbolic). */
export function valueInfo(name: string, dims: (number | string)[]): object {
  return {
    name,
    type: {
      tensorType: {
        elemType: DATA_TYPE.FLOAT,
        shape: {
          dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })),
        },
      },
    },
  };
}

/**
 * Conv(3→4, 3×3, pad 1) → Relu → MaxPool 2×2 → Flatten → Gemm(→3) on an N×3×8×8 input: the
 * NCHW flatten makes the Gemm's rows need reordering, which the round trip checks.
 */
export function tinyModel(): TinyModel {
  return {
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny',
      node: [
        {
          name: '/conv/Conv',
          opType: 'Conv',
          input: ['x', 'conv.weight', 'conv.bias'],
          output: ['c'],
          attribute: [ints('kernel_shape', [3, 3]), ints('pads', [1, 1, 1, 1])],
        },
        { name: '/relu/Relu', opType: 'Relu', input: ['c'], output: ['r'] },
        {
          name: '/pool/MaxPool',
          opType: 'MaxPool',
          input: ['r'],
          output: ['p'],
          attribute: [ints('kernel_shape', [2, 2]), ints('strides', [2, 2])],
        },
        {
          name: '/Flatten',
          opType: 'Flatten',
          input: ['p'],
          output: ['f'],
          attribute: [int('axis', 1)],
        },
        {
          name: '/fc/Gemm',
          opType: 'Gemm',
          input: ['f', 'fc.weight', 'fc.bias'],
          output: ['y'],
          attribute: [int('transB', 1)],
        },
      ],
      initializer: [
        ramp('conv.weight', [4, 3, 3, 3]),
        ramp('conv.bias', [4]),
        ramp('fc.weight', [3, 64]),
        ramp('fc.bias', [3]),
      ],
      input: [valueInfo('x', ['batch', 3, 8, 8])],
      output: [valueInfo('y', ['batch', 3])],
    },
  };
}

/** The model's protobuf bytes. */
export function encode(model: TinyModel): Uint8Array {
  return encodeModelProto(model);
}
