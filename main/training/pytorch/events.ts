/**
 * The JSON lines the Python trainer (netd_torch/trainer.py) prints with --json, as zod schemas:
 * a line that does not match is a protocol error, never undefined behaviour.
 */
import { z } from 'zod';

const num = z.number();

export const pythonEventSchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('started'),
    device: z.enum(['cuda', 'mps', 'cpu']),
    deviceName: z.string(),
    world: num,
    torch: z.string(),
    precision: z.string(),
    trainCount: num,
    valCount: num,
    testCount: num,
    batchesPerEpoch: num,
    totalBatches: num,
  }),
  z.object({
    event: z.literal('batch'),
    epoch: num,
    batch: num,
    batchesPerEpoch: num,
    loss: num,
    accuracy: num,
    imagesPerSecond: num,
    etaSeconds: num,
    memoryBytes: num,
  }),
  z.object({
    event: z.literal('epoch'),
    epoch: num,
    trainLoss: num,
    trainAccuracy: num,
    valLoss: num.nullable(),
    valAccuracy: num.nullable(),
    learningRate: num,
    seconds: num,
    imagesPerSecond: num,
  }),
  z.object({
    event: z.literal('done'),
    stopped: z.boolean(),
    testAccuracy: num.nullable(),
    valAccuracy: num.nullable(),
    trainLoss: num,
    imagesPerSecond: num,
    confusion: z.array(z.array(num)),
    classes: z.array(z.string()),
    weights: z.string().nullable(),
    /** Said when the run was stopped before any training (while its data was read). */
    note: z.string().optional(),
  }),
  z.object({ event: z.literal('failed'), message: z.string() }),
]);

export type PythonEvent = z.infer<typeof pythonEventSchema>;

/** Parses one stdout line; returns an error string for anything that is not a valid event. */
export function parsePythonEvent(line: string): PythonEvent | { invalid: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { invalid: `not JSON: ${line.slice(0, 120)}` };
  }
  const parsed = pythonEventSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { invalid: `${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'}` };
}
