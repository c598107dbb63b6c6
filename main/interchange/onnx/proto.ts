/**
 * The ONNX wire format, read and written by protobufjs from a descriptor of the messages we use.
 *
 * The descriptor lists the subset of `onnx.proto` (ONNX IR, proto2) that a CNN importer and
 * exporter needs — field numbers and types exactly as the ONNX specification fixes them. Fields it
 * leaves out (sparse tensors, functions, training info, quantization annotations) are skipped by
 * the decoder, as protobuf requires, and a model that relies on them fails later with a message
 * about what is missing. Names are camelCase because that is what the rest of the code reads.
 */
import protobuf from 'protobufjs/light.js';

type Fields = Record<
  string,
  { type: string; id: number; rule?: 'repeated'; options?: { packed: boolean } }
>;

const one = (type: string, id: number) => ({ type, id });
const many = (type: string, id: number, packed = false) => ({
  type,
  id,
  rule: 'repeated' as const,
  // proto2: scalar lists are unpacked unless the schema says otherwise (TensorProto's *_data).
  ...(protobuf.types.packed[type as keyof typeof protobuf.types.packed] !== undefined
    ? { options: { packed } }
    : {}),
});

const MESSAGES: Record<string, { fields: Fields; nested?: Record<string, { fields: Fields }> }> = {
  ModelProto: {
    fields: {
      irVersion: one('int64', 1),
      producerName: one('string', 2),
      producerVersion: one('string', 3),
      domain: one('string', 4),
      modelVersion: one('int64', 5),
      docString: one('string', 6),
      graph: one('GraphProto', 7),
      opsetImport: many('OperatorSetIdProto', 8),
      metadataProps: many('StringStringEntryProto', 14),
    },
  },
  OperatorSetIdProto: { fields: { domain: one('string', 1), version: one('int64', 2) } },
  StringStringEntryProto: { fields: { key: one('string', 1), value: one('string', 2) } },
  GraphProto: {
    fields: {
      node: many('NodeProto', 1),
      name: one('string', 2),
      initializer: many('TensorProto', 5),
      docString: one('string', 10),
      input: many('ValueInfoProto', 11),
      output: many('ValueInfoProto', 12),
      valueInfo: many('ValueInfoProto', 13),
    },
  },
  NodeProto: {
    fields: {
      input: many('string', 1),
      output: many('string', 2),
      name: one('string', 3),
      opType: one('string', 4),
      attribute: many('AttributeProto', 5),
      docString: one('string', 6),
      domain: one('string', 7),
    },
  },
  AttributeProto: {
    fields: {
      name: one('string', 1),
      f: one('float', 2),
      i: one('int64', 3),
      s: one('bytes', 4),
      t: one('TensorProto', 5),
      g: one('GraphProto', 6),
      floats: many('float', 7),
      ints: many('int64', 8),
      strings: many('bytes', 9),
      tensors: many('TensorProto', 10),
      graphs: many('GraphProto', 11),
      docString: one('string', 13),
      type: one('int32', 20),
      refAttrName: one('string', 21),
    },
  },
  TensorProto: {
    fields: {
      dims: many('int64', 1),
      dataType: one('int32', 2),
      floatData: many('float', 4, true),
      int32Data: many('int32', 5, true),
      stringData: many('bytes', 6),
      int64Data: many('int64', 7, true),
      name: one('string', 8),
      rawData: one('bytes', 9),
      doubleData: many('double', 10, true),
      uint64Data: many('uint64', 11, true),
      docString: one('string', 12),
      externalData: many('StringStringEntryProto', 13),
      dataLocation: one('int32', 14),
    },
  },
  ValueInfoProto: {
    fields: { name: one('string', 1), type: one('TypeProto', 2), docString: one('string', 3) },
  },
  TypeProto: {
    fields: { tensorType: one('TensorTypeProto', 1), denotation: one('string', 6) },
  },
  TensorTypeProto: {
    fields: { elemType: one('int32', 1), shape: one('TensorShapeProto', 2) },
  },
  TensorShapeProto: { fields: { dim: many('Dimension', 1) } },
  Dimension: {
    fields: { dimValue: one('int64', 1), dimParam: one('string', 2), denotation: one('string', 3) },
  },
};

const root = protobuf.Root.fromJSON({ nested: { onnx: { nested: MESSAGES } } });
const ModelProto = root.lookupType('onnx.ModelProto');

/** ONNX `TensorProto.DataType` values NetDesigner reads or writes. */
export const DATA_TYPE = { FLOAT: 1, INT32: 6, INT64: 7, DOUBLE: 11, FLOAT16: 10 } as const;

/** ONNX `AttributeProto.AttributeType` values the exporter writes. */
export const ATTRIBUTE_TYPE = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, INTS: 7 } as const;

/**
 * Decodes ONNX protobuf bytes into plain objects (int64 as numbers, bytes as views into `bytes`).
 * Unchecked: pass the result through `parseModel`.
 *
 * @throws Error from protobufjs for bytes that are not a well-formed protobuf message.
 */
export function decodeModelProto(bytes: Uint8Array): unknown {
  const message = ModelProto.decode(bytes);
  return ModelProto.toObject(message, { longs: Number, enums: Number, arrays: true });
}

/** Encodes a plain ModelProto object (the shape `decodeModelProto` returns) to protobuf bytes. */
export function encodeModelProto(model: object): Uint8Array {
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}
