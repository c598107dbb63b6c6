/**
 * The typed messages between the training service (parent) and the trainer process (child).
 * Both sides validate what they receive: a message from a crashed or mismatched peer becomes a
 * clear error, not undefined behaviour.
 */
import { z } from 'zod';
import type { EnvironmentReport, TrainingEvent, TrainingRequest } from '../types.ts';
import { networkDocSchema } from '../../network/schema.ts';
import { engineRequestFields } from '../optionsSchema.ts';
import { environmentReportSchema, trainingEventSchema } from './schemas.ts';

export type ParentToChild =
  | { type: 'start'; runId: string; runsDir: string; request: TrainingRequest }
  | { type: 'stop'; runId: string }
  /**
   * The backend diagnosis. `engine: false` leaves the PyTorch engine out of the report: the
   * service probes Python itself, while this process starts (see trainingService).
   */
  | { type: 'environment'; engine?: boolean }
  /** Ends the trainer process once it has nothing left to do. */
  | { type: 'shutdown' };

export type ChildToParent =
  | { type: 'ready'; pid: number }
  | { type: 'event'; event: TrainingEvent }
  | { type: 'environment'; report: EnvironmentReport }
  /** A message the child could not act on (malformed, or a second start). */
  | { type: 'error'; message: string };

export const parentToChildSchema: z.ZodType<ParentToChild> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    runId: z.string().min(1),
    runsDir: z.string().min(1),
    request: z.object({
      doc: networkDocSchema,
      data: z.string(),
      options: z.record(z.string(), z.unknown()),
      weights: z.string().min(1).optional(),
      // Dropping these here would silently train on the default engine.
      ...engineRequestFields,
    }),
  }),
  z.object({ type: z.literal('stop'), runId: z.string() }),
  z.object({ type: z.literal('environment'), engine: z.boolean().optional() }),
  z.object({ type: z.literal('shutdown') }),
]) as unknown as z.ZodType<ParentToChild>;

export const childToParentSchema: z.ZodType<ChildToParent> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number() }),
  z.object({ type: z.literal('event'), event: trainingEventSchema }),
  z.object({ type: z.literal('environment'), report: environmentReportSchema }),
  z.object({ type: z.literal('error'), message: z.string() }),
]) as unknown as z.ZodType<ChildToParent>;

/** One line describing why a message was rejected (first issue, with its path). */
export function describeInvalid(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid message';
}

/**
 * The pluggable transport to a trainer process: a Node child process (`forkTrainer`) or, in the
 * desktop app, an Electron utility process. Received messages are validated by the receiver.
 */
export interface TrainerChannel {
  send(msg: ParentToChild): void;
  /** Messages arrive as `unknown`: the service validates them with {@link childToParentSchema}. */
  onMessage(cb: (msg: unknown) => void): void;
  /** `signal` is the signal that ended the process, when the transport knows it (e.g. `SIGKILL`). */
  onExit(cb: (code: number | null, signal?: string | null) => void): void;
  kill(): void;
  /** The last lines the process wrote to stderr, when the transport captures them (for crash reports). */
  stderrTail?(): string;
}
