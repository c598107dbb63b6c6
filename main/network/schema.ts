/**
 * The structural schema of a `*.netd.json` file (DESIGN.md, version 1). Layer types and params are
 * deliberately free-form here: checking them is analysis's job, so a file with a bad param still
 * opens and shows the problem on the node instead of refusing to load.
 */
import { z } from 'zod';
import { NETWORK_FORMAT, NETWORK_VERSION, type NetworkDoc } from './types.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A canvas position: two finite numbers. */
export const positionSchema = z.object({ x: finite, y: finite });

/** One node; `params` defaults to `{}` and is checked later, by analysis. */
export const networkNodeSchema = z.object({
  id: z.string().min(1, 'a node id must not be empty'),
  type: z.string().min(1, 'a node type must not be empty'),
  params: z.record(z.string(), z.unknown()).default({}),
  position: positionSchema.optional(),
  label: z.string().optional(),
  /** Optional and version-1 compatible: files without it are unchanged. */
  frozen: z.boolean({ error: '"frozen" must be true or false' }).optional(),
});

/** One connection; for Add/Concat the order of edges is the input order. */
export const networkEdgeSchema = z.object({
  source: z.string().min(1),
  target: z.string().min(1),
});

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
  name: z.string().default('Untitled'),
  description: z.string().optional(),
  layout: diagramLayoutSchema.optional(),
  nodes: z.array(networkNodeSchema),
  edges: z.array(networkEdgeSchema),
}) as unknown as z.ZodType<NetworkDoc>;
