/** zod schemas of the training vocabulary, for checking what crosses the process boundary. */
import { z } from 'zod';
import type { EnvironmentReport, TrainingEvent } from '../types.ts';
import { BACKEND_NAMES, DATA_FORMATS, ENGINE_NAMES, RUN_BACKEND_NAMES } from '../vocabulary.ts';

const backendName = z.enum(RUN_BACKEND_NAMES);
const engineName = z.enum(ENGINE_NAMES).optional();
const finite = z.number();

/** A `DataDescription` as it crosses the process boundary. */
export const dataDescriptionSchema = z.object({
  spec: z.string(),
  format: z.enum(DATA_FORMATS),
  path: z.string().nullable(),
  inputShape: z.tuple([z.number(), z.number(), z.number()]),
  classes: z.array(z.string()),
  trainCount: z.number(),
  testCount: z.number(),
});

/** Options are re-validated with friendly messages by the trainer, so here they only need to be an object. */
const optionsObject = z.record(z.string(), z.unknown());

export const trainingEventSchema: z.ZodType<TrainingEvent> = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('started'),
    runId: z.string(),
    backend: backendName,
    engine: engineName,
    backendNote: z.string(),
    data: dataDescriptionSchema,
    options: optionsObject,
    totalBatches: z.number(),
  }),
  z.object({
    event: z.literal('batch'),
    runId: z.string(),
    epoch: z.number(),
    batch: z.number(),
    batchesPerEpoch: z.number(),
    loss: finite,
    accuracy: z.number(),
    imagesPerSecond: z.number(),
    etaSeconds: z.number(),
    memoryBytes: z.number(),
    numTensors: z.number(),
  }),
  z.object({
    event: z.literal('epoch'),
    runId: z.string(),
    epoch: z.number(),
    trainLoss: z.number(),
    trainAccuracy: z.number(),
    valLoss: z.number().nullable(),
    valAccuracy: z.number().nullable(),
    learningRate: z.number(),
    seconds: z.number(),
    imagesPerSecond: z.number(),
  }),
  z.object({
    event: z.literal('done'),
    runId: z.string(),
    stopped: z.boolean(),
    testAccuracy: z.number().nullable(),
    valAccuracy: z.number().nullable(),
    trainLoss: z.number(),
    imagesPerSecond: z.number(),
    backend: backendName,
    engine: engineName,
    confusion: z.array(z.array(z.number())),
    classes: z.array(z.string()),
    note: z.string().optional(),
  }),
  z.object({
    event: z.literal('failed'),
    runId: z.string(),
    message: z.string(),
    hint: z.string().optional(),
  }),
]) as unknown as z.ZodType<TrainingEvent>;

export const environmentReportSchema: z.ZodType<EnvironmentReport> = z.object({
  selected: z.enum(BACKEND_NAMES),
  backends: z.array(
    z.object({
      name: z.enum(BACKEND_NAMES),
      packageName: z.string(),
      available: z.boolean(),
      reason: z.string(),
      remedy: z.string().optional(),
    }),
  ),
  node: z.string(),
  platform: z.string(),
  cpus: z.number(),
  gpus: z.array(z.string()),
  engine: z
    .object({
      auto: z.object({ engine: z.enum(ENGINE_NAMES), reason: z.string() }),
      pytorch: z.object({
        available: z.boolean(),
        reason: z.string(),
        remedy: z.string().optional(),
        devices: z.array(z.string()),
        hardware: z
          .object({
            torch: z.string(),
            python: z.string(),
            gpus: z.array(z.string()),
            rocm: z.boolean(),
            cpuOnlyBuild: z.boolean(),
            mps: z.boolean(),
            cpuCores: z.number(),
          })
          .optional(),
      }),
    })
    .optional(),
});
