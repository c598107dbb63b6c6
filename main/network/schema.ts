/**
 * The structural schema of a `*.netd.json` file (DESIGN.md, version 1). Layer types and params are
 * deliberately free-form here: checking them is analysis's job, so a file with a bad param still
 * opens and shows the problem on the node instead of refusing to load.
 */
import { z } from 'zod';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_EDGES,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NODES,
  paramValueProblem,
} from './limits.ts';
import { NETWORK_FORMAT, NETWORK_VERSION, type NetworkDoc } from './types.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A canvas position: two finite numbers. */
export const positionSchema = z.object({ x: finite, y: finite });

/** An id, type or edge endpoint: non-empty and at most {@link MAX_ID_LENGTH} long. */
const idString = (what: string) =>
  z
    .string()
    .min(1, `${what} must not be empty`)
    .max(MAX_ID_LENGTH, `${what} is longer than ${MAX_ID_LENGTH} characters`);

const nameString = z.string().max(MAX_NAME_LENGTH, `is longer than ${MAX_NAME_LENGTH} characters`);

/**
 * Params: an object whose values are free-form (analysis checks them), within the nesting and
 * size caps. Every own key is copied onto a null-prototype object, so a param named `__proto__`
 * stays a param (analysis reports it as unknown) instead of replacing the object's prototype.
 */
const paramsSchema = z
  .unknown()
  .superRefine((params, ctx) => {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'record', input: params });
      return;
    }
    const long = Object.keys(params).find((key) => key.length > MAX_ID_LENGTH);
    if (long !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: `a param name is longer than ${MAX_ID_LENGTH} characters`,
      });
    const problem = paramValueProblem(params);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((params) => {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(params as object)) out[key] = value;
    return out;
  });

/** One node; `params` defaults to `{}` and is checked later, by analysis. */
export const networkNodeSchema = z.object({
  id: idString('a node id'),
  type: idString('a node type'),
  params: paramsSchema.default(() => Object.create(null) as Record<string, unknown>),
  position: positionSchema.optional(),
  label: nameString.optional(),
  /** Optional and version-1 compatible: files without it are unchanged. */
  frozen: z.boolean({ error: '"frozen" must be true or false' }).optional(),
});

/** One connection; for Add/Concat the order of edges is the input order. */
export const networkEdgeSchema = z.object({
  source: idString('an edge source'),
  target: idString('an edge target'),
});

/**
 * A list capped at `max` items, checked before any item is parsed, so a million-node file is
 * refused at once instead of after a million object parses.
 */
function cappedArray<T extends z.ZodType>(item: T, max: number, what: string) {
  return z
    .array(z.unknown())
    .max(max, `has more than ${max.toLocaleString('en-US')} ${what} (the most NetDesigner opens)`)
    .pipe(z.array(item));
}

/** A newer file format is refused with a message that says so, not a generic type error. */
const versionSchema = z.number().superRefine((v, ctx) => {
  if (v === NETWORK_VERSION) return;
  ctx.addIssue({
    code: 'custom',
    message:
      Number.isInteger(v) && v > NETWORK_VERSION
        ? `was written by a newer NetDesigner (format version ${v}); this one reads version ${NETWORK_VERSION} — update NetDesigner`
        : `unsupported format version ${v} (expected ${NETWORK_VERSION})`,
  });
});

/**
 * The optional diagram settings (direction, wrapping, folded stages). Optional and version-1
 * compatible: a file without it is drawn with the defaults.
 */
export const diagramLayoutSchema = z.object({
  direction: z
    .enum(['down', 'right'], { error: '"layout.direction" must be "down" or "right"' })
    .optional(),
  wrap: z.boolean({ error: '"layout.wrap" must be true or false' }).optional(),
  folded: z
    .array(z.string().min(1).max(200), { error: '"layout.folded" must be a list of stage names' })
    .max(10_000)
    .optional(),
});

/** A whole `*.netd.json` document (format and version checked, `name` defaults to 'Untitled'). */
export const networkDocSchema = z.object({
  format: z.literal(NETWORK_FORMAT, {
    error: `not a NetDesigner network (expected "format": "${NETWORK_FORMAT}")`,
  }),
  version: versionSchema,
  name: nameString.default('Untitled'),
  description: z
    .string()
    .max(MAX_DESCRIPTION_LENGTH, `is longer than ${MAX_DESCRIPTION_LENGTH} characters`)
    .optional(),
  layout: diagramLayoutSchema.optional(),
  nodes: cappedArray(networkNodeSchema, MAX_NODES, 'nodes'),
  edges: cappedArray(networkEdgeSchema, MAX_EDGES, 'edges'),
}) as unknown as z.ZodType<NetworkDoc>;
