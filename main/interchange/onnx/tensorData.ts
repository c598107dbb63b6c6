/**
 * Tensor values in and out of ONNX: float32 (or integer) data from `raw_data`, the typed lists or
 * an external-data file next to the model, and float32 initializers for the exporter.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { endianness } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { OnnxError } from './errors.ts';
import type { OnnxTensor } from './model.ts';
import { DATA_TYPE } from './proto.ts';

/** A constant's values: floats as float32, integer types as plain numbers. */
export interface ConstTensor {
  dims: number[];
  data: Float32Array;
  /** Exact integer values for INT32/INT64 tensors (shapes, pads, axes). */
  ints?: number[];
}

const numelOf = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

function externalEntry(t: OnnxTensor, key: string): string | undefined {
  return t.externalData.find((e) => e.key === key)?.value;
}

/** Largest external-data tensor read: the cap of a whole ONNX file, 2 GB. */
export const MAX_TENSOR_BYTES = 2 * 1024 ** 3;

/** An `offset` / `length` entry: a whole number of bytes ≥ 0, or undefined when absent. */
function byteCount(t: OnnxTensor, key: 'offset' | 'length'): number | undefined {
  const text = externalEntry(t, key);
  if (text === undefined) return undefined;
  const value = /^\d{1,16}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(value))
    throw new OnnxError(
      `tensor '${t.name ?? '(unnamed)'}' has external-data ${key} '${text.slice(0, 40)}'; it must be a whole number of bytes`,
    );
  return value;
}

/** Reads the bytes an external-data tensor points at, or explains why they are not there. */
async function readExternal(t: OnnxTensor, baseDir: string, bytesWanted: number) {
  const name = t.name ?? '(unnamed)';
  const location = externalEntry(t, 'location');
  if (!location)
    throw new OnnxError(`tensor '${name}' keeps its data externally but names no file`);
  const path = join(baseDir, location);
  const rel = relative(baseDir, path);
  if (isAbsolute(location) || rel.startsWith('..'))
    throw new OnnxError(
      `tensor '${name}' points outside the model's folder ('${location}'); external data must sit next to the model`,
    );
  const offset = byteCount(t, 'offset') ?? 0;
  const length = byteCount(t, 'length') ?? bytesWanted;
  let handle;
  try {
    // Non-blocking, checked on the handle: a FIFO or device named as data is refused, never
    // waited on or read without end.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw new OnnxError(
      `tensor '${name}' keeps its data in '${location}', which is missing (expected at ${path}) — copy it next to the model`,
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new OnnxError(
        `tensor '${name}' keeps its data in '${location}', which is not a regular file`,
      );
    if (length !== bytesWanted || offset + length > info.size)
      throw new OnnxError(
        `tensor '${name}': '${location}' is too short or the wrong size (needs ${bytesWanted} bytes at offset ${offset}, the file has ${info.size})`,
      );
    // Inline data is bounded by the file cap; a file beside the model is checked here, before
    // anything is allocated.
    if (length > MAX_TENSOR_BYTES)
      throw new OnnxError(
        `tensor '${name}' keeps ${(length / 1024 ** 3).toPrecision(3)} GB in '${location}'; NetDesigner reads tensors of up to ${MAX_TENSOR_BYTES / 1024 ** 3} GB`,
      );
    const buffer = new Uint8Array(length);
    await handle.read(buffer, 0, length, offset);
    return buffer;
  } finally {
    await handle.close();
  }
}

const LITTLE_ENDIAN = endianness() === 'LE';

const BYTES_PER: Record<number, number> = {
  [DATA_TYPE.FLOAT]: 4,
  [DATA_TYPE.INT32]: 4,
  [DATA_TYPE.INT64]: 8,
  [DATA_TYPE.DOUBLE]: 8,
  [DATA_TYPE.FLOAT16]: 2,
};

function fromBytes(raw: Uint8Array, dataType: number, n: number): ConstTensor['data'] | number[] {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  switch (dataType) {
    case DATA_TYPE.FLOAT: {
      // Little-endian hosts (all Electron targets) can copy the bytes as they are.
      if (LITTLE_ENDIAN) return new Float32Array(new Uint8Array(raw.subarray(0, n * 4)).buffer);
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
      return out;
    }
    case DATA_TYPE.DOUBLE: {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
      return out;
    }
    case DATA_TYPE.FLOAT16: {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
      return out;
    }
    case DATA_TYPE.INT32:
      return Array.from({ length: n }, (_, i) => view.getInt32(i * 4, true));
    default:
      return Array.from({ length: n }, (_, i) => Number(view.getBigInt64(i * 8, true)));
  }
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/**
 * The values of an initializer or constant.
 *
 * @throws OnnxError for an unsupported data type, a size that does not match the dims, or
 *   external data that is missing or too short.
 */
export async function readTensor(t: OnnxTensor, baseDir: string): Promise<ConstTensor> {
  const name = t.name ?? '(unnamed)';
  const dims = t.dims;
  if (!dims.every((d) => Number.isSafeInteger(d) && d >= 0))
    throw new OnnxError(
      `tensor '${name}' has dims [${dims.slice(0, 8).join(', ')}]; each must be a whole number ≥ 0`,
    );
  const n = numelOf(dims);
  const width = BYTES_PER[t.dataType];
  if (width === undefined)
    throw new OnnxError(
      `tensor '${name}' has data type ${t.dataType}; NetDesigner reads float32/float16/float64 weights and int32/int64 constants`,
    );
  let values: Float32Array | number[];
  if (t.dataLocation === 1 || t.externalData.length > 0) {
    values = fromBytes(await readExternal(t, baseDir, n * width), t.dataType, n);
  } else if (t.rawData && t.rawData.length > 0) {
    if (t.rawData.length !== n * width)
      throw new OnnxError(
        `tensor '${name}' has ${t.rawData.length} bytes of data for dims [${dims.join(', ')}] (expected ${n * width})`,
      );
    values = fromBytes(t.rawData, t.dataType, n);
  } else {
    const list =
      t.dataType === DATA_TYPE.FLOAT
        ? t.floatData
        : t.dataType === DATA_TYPE.DOUBLE
          ? t.doubleData
          : t.dataType === DATA_TYPE.INT64
            ? t.int64Data
            : t.int32Data;
    if (list.length !== n)
      throw new OnnxError(
        `tensor '${name}' has ${list.length} values for dims [${dims.join(', ')}] (expected ${n})`,
      );
    values = t.dataType === DATA_TYPE.FLOAT16 ? list.map(halfToFloat) : list;
  }
  const isInt = t.dataType === DATA_TYPE.INT32 || t.dataType === DATA_TYPE.INT64;
  return {
    dims,
    data: values instanceof Float32Array ? values : Float32Array.from(values),
    ...(isInt ? { ints: Array.from(values) } : {}),
  };
}

/** A float32 initializer with its values in `raw_data` (little-endian, as ONNX requires). */
export function floatTensor(name: string, dims: readonly number[], data: Float32Array): object {
  let bytes: Uint8Array;
  if (LITTLE_ENDIAN) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  else {
    bytes = new Uint8Array(data.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i]!, true);
  }
  return { name, dims: [...dims], dataType: DATA_TYPE.FLOAT, rawData: bytes };
}

/** An int64 initializer (shapes, pads). */
export function int64Tensor(name: string, values: readonly number[]): object {
  return { name, dims: [values.length], dataType: DATA_TYPE.INT64, int64Data: [...values] };
}
