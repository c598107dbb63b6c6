/**
 * The weights sidecar: `NAME.weights.safetensors` beside `NAME.netd.json` (DESIGN.md, "Weights").
 * Reads are size-checked before anything is allocated; writes are atomic (the project's one
 * `writeFileAtomic`), so a crash leaves the old sidecar or the new one.
 */
import { readFile, stat, unlink } from 'node:fs/promises';
import { writeFileAtomic } from '../files/io.ts';
import { decodeSafetensors, encodeSafetensors, type DecodedSafetensors } from './safetensors.ts';
import { WeightsError, type Weights } from './types.ts';

export const WEIGHTS_SUFFIX = '.weights.safetensors';

/** Refuse to read sidecars larger than this (4 GiB): a float32 CNN of this app is far below it. */
export const MAX_WEIGHTS_BYTES = 4 * 1024 ** 3;

/** `dir/NAME.netd.json` → `dir/NAME.weights.safetensors` (a path without `.netd.json`: suffix appended after dropping `.json`). */
export function weightsPathFor(designPath: string): string {
  const stem = designPath.endsWith('.netd.json')
    ? designPath.slice(0, -'.netd.json'.length)
    : designPath.endsWith('.json')
      ? designPath.slice(0, -'.json'.length)
      : designPath;
  return `${stem}${WEIGHTS_SUFFIX}`;
}

function ioMessage(path: string, err: unknown, verb: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${path}: file not found`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: cannot ${verb}: permission denied`;
  if (code === 'EISDIR') return `${path}: cannot ${verb}: it is a folder`;
  if (code === 'ENOSPC') return `${path}: cannot ${verb}: the disk is full`;
  return `${path}: cannot ${verb}: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * Reads a safetensors file of float32 tensors.
 * @throws WeightsError naming the path (and the tensor) when it is missing, too large or invalid.
 */
export async function readWeightsFile(path: string): Promise<DecodedSafetensors> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.size > MAX_WEIGHTS_BYTES)
      throw new WeightsError(
        `${path}: ${info.size} bytes is larger than the ${MAX_WEIGHTS_BYTES} NetDesigner reads`,
      );
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof WeightsError) throw err;
    throw new WeightsError(ioMessage(path, err, 'read'));
  }
  return decodeSafetensors(bytes, path);
}

/**
 * Writes tensors as a safetensors file atomically.
 * @throws WeightsError naming the path when it cannot be written or a tensor is malformed.
 */
export async function writeWeightsFile(
  path: string,
  weights: Weights,
  metadata: Record<string, string> = {},
): Promise<void> {
  const bytes = encodeSafetensors(weights, { format: 'netdesigner.weights', ...metadata });
  try {
    await writeFileAtomic(path, bytes);
  } catch (err) {
    throw new WeightsError(ioMessage(path, err, 'write'));
  }
}

/**
 * The weights beside a design file, or null when it has no sidecar.
 * @throws WeightsError when the sidecar exists but cannot be read or is invalid.
 */
export async function readDesignWeights(designPath: string): Promise<Weights | null> {
  const path = weightsPathFor(designPath);
  try {
    await stat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new WeightsError(ioMessage(path, err, 'read'));
  }
  return (await readWeightsFile(path)).tensors;
}

/** Writes (atomically) the sidecar of a design file; returns its path. */
export async function writeDesignWeights(designPath: string, weights: Weights): Promise<string> {
  const path = weightsPathFor(designPath);
  await writeWeightsFile(path, weights);
  return path;
}

/** Removes a design's sidecar (no error when there is none). */
export async function removeDesignWeights(designPath: string): Promise<void> {
  try {
    await unlink(weightsPathFor(designPath));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new WeightsError(ioMessage(weightsPathFor(designPath), err, 'remove'));
  }
}

/** The path of the design's sidecar when one exists, else null (nothing is read). */
export async function findDesignWeights(designPath: string): Promise<string | null> {
  const path = weightsPathFor(designPath);
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}
