/**
 * The documented caps on a network document (README, "Security"). They sit far above any real
 * design (ResNet-152 expanded has under 600 layers) and far below what would freeze the host or
 * overflow a stack, so a hostile or corrupt file is refused with a message instead.
 */

/** Most nodes in one document. */
export const MAX_NODES = 10_000;
/** Most edges in one document. */
export const MAX_EDGES = 40_000;
/** Longest node id, edge endpoint, layer type or param name, in UTF-16 units. */
export const MAX_ID_LENGTH = 200;
/** Longest network name or node label. */
export const MAX_NAME_LENGTH = 1_000;
/** Longest network description. */
export const MAX_DESCRIPTION_LENGTH = 100_000;
/** Deepest nesting of a param value (`[[3, 3]]` is 2; real params need at most 2). */
export const MAX_PARAM_DEPTH = 8;
/** Most array items and object entries, counted together, in one node's params. */
export const MAX_PARAM_VALUES = 1_000;
/** Largest network file (or recovery snapshot) read from disk, in bytes. */
export const MAX_NETWORK_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Why a param value is too deep or too large, or null when it is within the caps. Iterative, so a
 * value nested a million deep is measured without recursion.
 */
export function paramValueProblem(value: unknown): string | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_PARAM_DEPTH)
      return `is nested more than ${MAX_PARAM_DEPTH} levels deep (params are numbers, text or short lists)`;
    const children = Array.isArray(v) ? v : Object.values(v);
    count += children.length;
    if (count > MAX_PARAM_VALUES)
      return `holds more than ${MAX_PARAM_VALUES} values (params are numbers, text or short lists)`;
    for (const child of children) stack.push({ v: child, depth: depth + 1 });
  }
  return null;
}
