/**
 * Reading an ONNX file into a checked `OnnxModel`: every way a file can fail to be a usable ONNX
 * model (empty, truncated, another format, missing graph, an IR or opset we do not know) becomes
 * one sentence naming the file.
 */
import { basename } from 'node:path';
import { readRegularBytes } from '../../files/safeFs.ts';
import { MAX_NODES } from '../../network/limits.ts';
import { OnnxError } from './errors.ts';
import { modelSchema, type OnnxGraph, type OnnxModel } from './model.ts';
import { decodeModelProto } from './proto.ts';

/** ai.onnx opsets whose semantics of the supported operators NetDesigner knows. */
export const OPSETS = { min: 9, max: 23 } as const;
/** Highest ONNX IR version read (IR 11 = ONNX 1.18). */
export const MAX_IR_VERSION = 11;
/**
 * Most nodes and initializers a graph may hold: a design has at most 10,000 layers, and each
 * becomes a few ONNX nodes (torchvision's largest models have about 1,000).
 */
export const MAX_ONNX_NODES = 5 * MAX_NODES;

/** Largest ONNX file imported (ResNet-152 with weights is about 240 MB). */
export const MAX_ONNX_FILE_BYTES = 2 * 1024 ** 3;

/** A model that passed the checks: it has a graph and one known ai.onnx opset. */
export interface CheckedModel {
  model: OnnxModel;
  graph: OnnxGraph;
  opset: number;
}

/** Other formats users pick by mistake, recognised by their first bytes. */
function otherFormat(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  if (head.startsWith('PK\x03\x04'))
    return 'a zip archive (a PyTorch .pt/.pth checkpoint?) — export the model with torch.onnx.export first';
  if (head.startsWith('\x89HDF')) return 'an HDF5 file (a Keras .h5 model?), not ONNX';
  if (head.startsWith('\x89PNG')) return 'a PNG image, not ONNX';
  if (/^\s*[{[]/.test(head)) return 'a JSON file, not an ONNX protobuf';
  if (head.startsWith('#!') || head.startsWith('import ')) return 'a text file, not ONNX';
  return null;
}

function decodeFailure(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/index out of range/i.test(text))
    return 'is truncated or not an ONNX model: the protobuf data ends in the middle of a field';
  return `is not an ONNX model: it is not a valid protobuf message (${text})`;
}

/**
 * Decodes and checks ONNX bytes. `source` names the file in messages.
 *
 * @throws OnnxError with one sentence naming `source`.
 */
export function parseOnnx(bytes: Uint8Array, source: string): CheckedModel {
  const name = basename(source);
  if (bytes.length === 0) throw new OnnxError(`${name} is empty`);
  const other = otherFormat(bytes);
  if (other) throw new OnnxError(`${name} is ${other}`);
  let raw: unknown;
  try {
    raw = decodeModelProto(bytes);
  } catch (err) {
    throw new OnnxError(`${name} ${decodeFailure(err)}`);
  }
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OnnxError(
      `${name} is not an ONNX model: ${issue.path.join('.') || 'model'} ${issue.message}`,
    );
  }
  const model = parsed.data;
  if (model.irVersion === undefined || model.irVersion < 3)
    throw new OnnxError(
      `${name} is not an ONNX model: it has no IR version (ModelProto.ir_version ≥ 3 is required)`,
    );
  if (model.irVersion > MAX_IR_VERSION)
    throw new OnnxError(
      `${name} uses ONNX IR version ${model.irVersion}, newer than NetDesigner reads (up to ${MAX_IR_VERSION}) — re-export it with an older ONNX`,
    );
  if (!model.graph) throw new OnnxError(`${name} is not an ONNX model: it has no graph`);
  const standard = model.opsetImport.find((o) => !o.domain || o.domain === 'ai.onnx');
  if (!standard || standard.version === undefined)
    throw new OnnxError(`${name} declares no ai.onnx opset (opset_import is empty)`);
  const opset = standard.version;
  if (opset > OPSETS.max || opset < OPSETS.min)
    throw new OnnxError(
      `${name} uses ONNX opset ${opset}, which NetDesigner does not know (it reads opsets ${OPSETS.min}–${OPSETS.max}) — re-export with opset_version between ${OPSETS.min} and ${OPSETS.max}`,
    );
  if (model.graph.node.length === 0) throw new OnnxError(`${name} has an empty graph (no nodes)`);
  const { node, initializer } = model.graph;
  if (node.length > MAX_ONNX_NODES || initializer.length > MAX_ONNX_NODES)
    throw new OnnxError(
      `${name} has ${node.length.toLocaleString('en')} nodes and ${initializer.length.toLocaleString('en')} initializers; NetDesigner imports graphs of up to ${MAX_ONNX_NODES.toLocaleString('en')} of each (a design holds at most ${MAX_NODES.toLocaleString('en')} layers)`,
    );
  return { model, graph: model.graph, opset };
}

/**
 * Reads and checks an ONNX file.
 *
 * @throws OnnxError when the file cannot be read or is not a usable ONNX model.
 */
export async function readOnnxFile(path: string): Promise<CheckedModel> {
  let bytes: Uint8Array;
  try {
    // A regular file within the cap, checked on the open handle: /dev/zero or a FIFO named
    // `.onnx` is refused instead of read until memory runs out or blocking a worker.
    const read = await readRegularBytes(path, MAX_ONNX_FILE_BYTES);
    if ('refusal' in read)
      throw new OnnxError(
        read.refusal === 'folder'
          ? `${path} is a folder, not an ONNX file`
          : read.refusal === 'not-a-file'
            ? `${path} is not a regular file`
            : `${path} is ${(read.size / 1024 ** 2).toFixed(0)} MB, more than the ${MAX_ONNX_FILE_BYTES / 1024 ** 3} GB NetDesigner imports`,
      );
    bytes = read.bytes;
  } catch (err) {
    if (err instanceof OnnxError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new OnnxError(
      code === 'ENOENT'
        ? `${path}: no such file`
        : code === 'EISDIR'
          ? `${path} is a folder, not an ONNX file`
          : `cannot read ${path} (${code ?? String(err)})`,
    );
  }
  return parseOnnx(bytes, path);
}
