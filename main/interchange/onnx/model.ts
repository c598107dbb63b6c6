/**
 * The typed view of an ONNX model that the importer and exporter share, and the zod schema that
 * turns protobufjs's decoded objects into it (the boundary check: a message naming the field that
 * is wrong, never a TypeError deep inside the importer).
 */
import { z } from 'zod';

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');
// Large numeric lists are checked for being arrays only; their elements come from the decoder.
const numbers = z.custom<number[]>((v) => Array.isArray(v), 'expected a list of numbers');
const str = z.string().optional();

export const stringEntrySchema = z.object({ key: z.string().default(''), value: str });

export const tensorSchema = z.object({
  name: str,
  dims: numbers.default([]),
  dataType: z.number().int().default(0),
  rawData: bytes.optional(),
  floatData: numbers.default([]),
  int32Data: numbers.default([]),
  int64Data: numbers.default([]),
  doubleData: numbers.default([]),
  externalData: z.array(stringEntrySchema).default([]),
  dataLocation: z.number().int().optional(),
});
export type OnnxTensor = z.infer<typeof tensorSchema>;

export const attributeSchema = z.object({
  name: z.string().default(''),
  type: z.number().int().optional(),
  f: z.number().optional(),
  i: z.number().optional(),
  s: bytes.optional(),
  t: tensorSchema.optional(),
  floats: numbers.default([]),
  ints: numbers.default([]),
});
export type OnnxAttribute = z.infer<typeof attributeSchema>;

export const nodeSchema = z.object({
  input: z.array(z.string()).default([]),
  output: z.array(z.string()).default([]),
  name: str,
  opType: z.string({ error: 'a node has no op_type' }),
  domain: str,
  attribute: z.array(attributeSchema).default([]),
});
export type OnnxNode = z.infer<typeof nodeSchema>;

const dimensionSchema = z.object({ dimValue: z.number().optional(), dimParam: str });

export const valueInfoSchema = z.object({
  name: z.string().default(''),
  type: z
    .object({
      tensorType: z
        .object({
          elemType: z.number().int().optional(),
          shape: z.object({ dim: z.array(dimensionSchema).default([]) }).optional(),
        })
        .optional(),
    })
    .optional(),
});
export type OnnxValueInfo = z.infer<typeof valueInfoSchema>;

export const graphSchema = z.object({
  name: str,
  node: z.array(nodeSchema).default([]),
  initializer: z.array(tensorSchema).default([]),
  input: z.array(valueInfoSchema).default([]),
  output: z.array(valueInfoSchema).default([]),
  valueInfo: z.array(valueInfoSchema).default([]),
});
export type OnnxGraph = z.infer<typeof graphSchema>;

export const modelSchema = z.object({
  irVersion: z.number().int().optional(),
  producerName: str,
  producerVersion: str,
  docString: str,
  opsetImport: z.array(z.object({ domain: str, version: z.number().int().optional() })).default([]),
  graph: graphSchema.optional(),
});
export type OnnxModel = z.infer<typeof modelSchema>;

/** An attribute's value by name, typed by what the caller expects. */
export function attr(node: OnnxNode, name: string): OnnxAttribute | undefined {
  return node.attribute.find((a) => a.name === name);
}

/** Integer list attribute, or `fallback` when absent. */
export function intsAttr(node: OnnxNode, name: string, fallback: number[]): number[] {
  const a = attr(node, name);
  return a && a.ints.length > 0 ? a.ints : fallback;
}

/** Integer attribute, or `fallback` when absent. */
export function intAttr(node: OnnxNode, name: string, fallback: number): number {
  return attr(node, name)?.i ?? fallback;
}

/** Float attribute, or `fallback` when absent. */
export function floatAttr(node: OnnxNode, name: string, fallback: number): number {
  return attr(node, name)?.f ?? fallback;
}

/** String attribute (UTF-8), or `fallback` when absent. */
export function stringAttr(node: OnnxNode, name: string, fallback: string): string {
  const s = attr(node, name)?.s;
  return s ? new TextDecoder().decode(s) : fallback;
}
