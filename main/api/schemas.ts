/**
 * One zod request schema per API method. Hosts validate every payload with these before calling
 * the API, so a method implementation can trust its argument's shape. Objects are strict: an
 * unknown key is almost always a typo in the caller and is reported as such.
 */
import { z } from 'zod';
import { EXPORT_TARGET_IDS } from '../export/registerExportCommand.ts';
import { MAX_EDGES, MAX_NODES } from '../network/limits.ts';
import { networkDocSchema, networkEdgeSchema, networkNodeSchema } from '../network/schema.ts';
import { adaptRequestSchema } from '../templates/request.ts';
import {
  engineRequestFields,
  optionNumber,
  trainingOptionsRequestSchema,
} from '../training/optionsSchema.ts';
import { OPTIMIZER_NAMES } from '../training/vocabulary.ts';
import type { ApiMethod } from './contract.ts';
import { analysisVersionSchema } from './analysisUpdate.ts';

/** No argument: the transports send `undefined` (IPC) or omit the payload (WebSocket). */
const noArgs = z
  .unknown()
  .refine(
    (v) =>
      v === undefined ||
      v === null ||
      (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0),
    'this call takes no arguments',
  )
  .transform(() => undefined);

/** Longest path or data spec accepted (Linux PATH_MAX); a longer one is refused, not echoed. */
export const MAX_PATH_CHARS = 4096;

const nonEmpty = z
  .string()
  .max(MAX_PATH_CHARS, `is longer than ${MAX_PATH_CHARS} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty');
const version = analysisVersionSchema;
const runId = z.string().max(200, 'is longer than 200 characters').pipe(nonEmpty);
const pathString = nonEmpty;

// The templates' own schema, so the API accepts exactly the inputs and class counts they accept.
const adaptFields = adaptRequestSchema.shape;

export const requestSchemas = {
  hostInfo: noArgs,
  catalogList: noArgs,
  networkAnalyze: z.strictObject({ doc: networkDocSchema }),
  networkAnalyzeUpdate: z
    .strictObject({
      doc: networkDocSchema.optional(),
      /** The document as a change to a kept version's (rebuilt and then checked whole). */
      edit: z
        .strictObject({
          base: version,
          nodes: z.array(networkNodeSchema).max(MAX_NODES, `has more than ${MAX_NODES} nodes`),
          order: z.array(z.string()).max(MAX_NODES, `has more than ${MAX_NODES} ids`).optional(),
          edges: z
            .array(networkEdgeSchema)
            .max(MAX_EDGES, `has more than ${MAX_EDGES} edges`)
            .optional(),
          head: z.record(z.string(), z.unknown()).optional(),
        })
        .optional(),
      /** The version of the analysis the caller holds (a previous reply's `version`). */
      since: version.optional(),
    })
    .refine((r) => (r.doc === undefined) !== (r.edit === undefined), {
      message: 'give either doc or edit, not both or neither',
      path: ['doc'],
    }),
  networkExpandNode: z.strictObject({ doc: networkDocSchema, nodeId: nonEmpty }),
  networkExpandAll: z.strictObject({ doc: networkDocSchema }),
  networkAdapt: z.strictObject({
    doc: networkDocSchema,
    ...adaptFields,
    /** The design's weights file: refitted to the adapted design (fine-tuning). */
    weights: pathString.optional(),
  }),
  networkExample: noArgs,
  networkCompare: z.strictObject({
    a: networkDocSchema,
    b: networkDocSchema,
    // The trainer's own limits: the estimate assumes a batch the trainer would accept.
    batchSize: optionNumber('batchSize').optional(),
    optimizer: z.enum(OPTIMIZER_NAMES).optional(),
  }),
  examplesList: noArgs,
  examplesLoad: z.strictObject({ id: nonEmpty }),
  templatesList: noArgs,
  templatesLoad: z.strictObject({ id: nonEmpty, ...adaptFields }),
  filesOpen: z.strictObject({ path: pathString }),
  filesImport: z.strictObject({ path: pathString }),
  filesSave: z.strictObject({
    path: pathString,
    doc: networkDocSchema,
    weights: pathString.optional(),
  }),
  filesRecent: noArgs,
  filesWeights: z.strictObject({ path: pathString }),
  filesList: z.strictObject({ dir: z.string().optional() }).nullish(),
  recoveryRead: noArgs,
  recoveryWrite: z.strictObject({ doc: networkDocSchema, path: z.string().min(1).nullable() }),
  recoveryClear: noArgs,
  trainingEnvironment: noArgs,
  trainingDescribeData: z.strictObject({ spec: nonEmpty }),
  trainingStart: z.strictObject({
    doc: networkDocSchema,
    data: nonEmpty,
    // The trainer's own schema, so the API accepts exactly what the trainer accepts, with its
    // messages. Partial: the trainer fills in the defaults.
    options: trainingOptionsRequestSchema.default({}),
    /** A weights file to start from (e.g. the design's NAME.weights.safetensors): fine-tuning. */
    weights: pathString.optional(),
    /** `auto` | `pytorch` | `tfjs` (absent: tfjs), the PyTorch device and process count. */
    ...engineRequestFields,
  }),
  trainingStop: z.strictObject({ runId }),
  runsList: noArgs,
  runsGet: z.strictObject({ runId }),
  runsDelete: z.strictObject({ runId }),
  runsExportModel: z.strictObject({ runId, dir: pathString }),
  exportDesign: z.strictObject({
    doc: networkDocSchema,
    designPath: pathString.nullable(),
    to: z.enum(EXPORT_TARGET_IDS),
    out: pathString,
    runId: runId.optional(),
    withTraining: z.boolean().optional(),
    overwrite: z.boolean().optional(),
  }),
  runsContinue: z.strictObject({ runId, doc: networkDocSchema, path: pathString }),
} satisfies Record<ApiMethod, z.ZodType>;
