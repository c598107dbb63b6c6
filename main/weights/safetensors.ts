/**
 * A strict reader and writer of the safetensors format (https://github.com/huggingface/safetensors):
 * an 8-byte little-endian header length N, N bytes of JSON header
 * `{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__"?: {string: string}}`, then the
 * data. No npm package for it is maintained, and the format is small enough to validate completely:
 * every length is checked against the buffer before anything is allocated or sliced, so a
 * truncated or hostile file is a clear error, never a huge allocation or an out-of-range read.
 */
import { z } from 'zod';
import { numel, WeightsError, type Weights, type WeightTensor } from './types.ts';

/** The header may not exceed this (the reference implementation's limit is 100 MB). */
export const MAX_HEADER_BYTES = 100 * 1024 * 1024;

/** safetensors is little-endian; on such a machine (all current ones) bytes are copied in bulk. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const BYTES_PER_DTYPE: Record<string, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

const dim = z.number().int().min(0);
const entrySchema = z.object({
  dtype: z.string(),
  shape: z.array(dim),
  data_offsets: z.tuple([dim, dim]),
});
const metadataSchema = z.record(z.string(), z.string());

/** A decoded file: tensors in header order plus the free-form string metadata. */
export interface DecodedSafetensors {
  tensors: Weights;
  metadata: Record<string, string>;
}

/** Raises a WeightsError prefixed with where the bytes came from. */
function fail(source: string, message: string): never {
  throw new WeightsError(`${source}: ${message}`);
}

/**
 * Decodes a safetensors buffer holding float32 tensors.
 *
 * @param source - named in every error message (usually the file path).
 * @throws WeightsError when the buffer is truncated, the header is not valid JSON or not the
 *   format, a tensor's dtype is not F32, its byte range does not match its shape, ranges overlap
 *   or leave holes, or data follows the last tensor.
 */
export function decodeSafetensors(bytes: Uint8Array, source = 'weights'): DecodedSafetensors {
  if (bytes.byteLength < 8)
    fail(source, `not a safetensors file: ${bytes.byteLength} bytes, too short for the header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.byteLength - 8))
    fail(
      source,
      `not a safetensors file or truncated: the header claims ${headerLength} bytes but the file has ${bytes.byteLength - 8} after the length`,
    );
  const n = Number(headerLength);
  if (n > MAX_HEADER_BYTES) fail(source, `header of ${n} bytes is larger than ${MAX_HEADER_BYTES}`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch {
    fail(source, 'not a safetensors file: the header is not valid UTF-8 JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    fail(source, 'not a safetensors file: the header is not a JSON object');

  const dataStart = 8 + n;
  const dataLength = bytes.byteLength - dataStart;
  const entries: { name: string; shape: number[]; begin: number; end: number }[] = [];
  let metadata: Record<string, string> = {};
  for (const [name, raw] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      const parsed = metadataSchema.safeParse(raw);
      if (!parsed.success) fail(source, '"__metadata__" must map strings to strings');
      metadata = parsed.data;
      continue;
    }
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(
        source,
        `tensor '${name}': ${issue?.path.join('.') || 'entry'} ${issue?.message ?? 'is invalid'}`,
      );
    }
    const {
      dtype,
      shape,
      data_offsets: [begin, end],
    } = parsed.data;
    if (!(dtype in BYTES_PER_DTYPE)) fail(source, `tensor '${name}': unknown dtype '${dtype}'`);
    if (dtype !== 'F32')
      fail(source, `tensor '${name}' is ${dtype}; NetDesigner weights are float32 (F32)`);
    if (end < begin) fail(source, `tensor '${name}': data_offsets [${begin}, ${end}] are reversed`);
    if (end > dataLength)
      fail(
        source,
        `tensor '${name}' ends at byte ${end} of the data but the file holds only ${dataLength} (truncated?)`,
      );
    const expected = numel(shape) * 4;
    if (end - begin !== expected)
      fail(
        source,
        `tensor '${name}': shape [${shape.join(', ')}] needs ${expected} bytes but data_offsets span ${end - begin}`,
      );
    entries.push({ name, shape, begin, end });
  }
  // The format requires the data to be covered exactly once, without holes (no hidden payload).
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  for (const e of sorted) {
    if (e.begin < cursor) fail(source, `tensor '${e.name}' overlaps the previous tensor's bytes`);
    if (e.begin > cursor)
      fail(source, `bytes ${cursor}–${e.begin} before tensor '${e.name}' belong to no tensor`);
    cursor = e.end;
  }
  if (cursor !== dataLength)
    fail(source, `${dataLength - cursor} bytes after the last tensor belong to no tensor`);

  const tensors: Weights = new Map();
  for (const e of entries) {
    // Copy: the data section is not necessarily 4-byte aligned in the underlying buffer.
    const data = new Float32Array(numel(e.shape));
    const start = dataStart + e.begin;
    if (LITTLE_ENDIAN) new Uint8Array(data.buffer).set(bytes.subarray(start, dataStart + e.end));
    else {
      const src = new DataView(bytes.buffer, bytes.byteOffset + start, e.end - e.begin);
      for (let i = 0; i < data.length; i++) data[i] = src.getFloat32(i * 4, true);
    }
    tensors.set(e.name, { shape: e.shape, data });
  }
  return { tensors, metadata };
}

/**
 * Encodes float32 tensors (in the map's order) as safetensors bytes. The header is padded with
 * spaces to a multiple of 8 bytes, as the reference writer does, so readers can map the data
 * aligned.
 *
 * @throws WeightsError when a tensor's data length does not match its shape or a name is empty.
 */
export function encodeSafetensors(
  tensors: ReadonlyMap<string, WeightTensor>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const [name, t] of tensors) {
    if (name === '' || name === '__metadata__')
      throw new WeightsError(`invalid tensor name '${name}'`);
    if (t.shape.some((d) => !Number.isInteger(d) || d < 0))
      throw new WeightsError(
        `tensor '${name}': shape [${t.shape.join(', ')}] is not a list of sizes`,
      );
    if (t.data.length !== numel(t.shape))
      throw new WeightsError(
        `tensor '${name}': shape [${t.shape.join(', ')}] needs ${numel(t.shape)} values but has ${t.data.length}`,
      );
    const bytes = t.data.length * 4;
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  const encoder = new TextEncoder();
  let headerBytes = encoder.encode(json);
  const pad = (8 - (headerBytes.byteLength % 8)) % 8;
  if (pad > 0) {
    json += ' '.repeat(pad);
    headerBytes = encoder.encode(json);
  }
  const out = new Uint8Array(8 + headerBytes.byteLength + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.byteLength), true);
  out.set(headerBytes, 8);
  let pos = 8 + headerBytes.byteLength;
  for (const t of tensors.values()) {
    if (LITTLE_ENDIAN) {
      out.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), pos);
      pos += t.data.byteLength;
    } else for (let i = 0; i < t.data.length; i++, pos += 4) view.setFloat32(pos, t.data[i]!, true);
  }
  return out;
}
