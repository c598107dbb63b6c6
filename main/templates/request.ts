/** Validation of adaptation requests (they arrive from the CLI, IPC and WebSocket). */
import { z } from 'zod';
import type { AdaptRequest } from './types.ts';
import { AdaptError } from './errors.ts';

/** Largest image side we accept; far beyond any CNN a student trains, small enough to catch typos. */
export const MAX_SIDE = 8192;
export const MAX_CHANNELS = 4096;
export const MAX_CLASSES = 1_000_000;

const side = z.int().min(1).max(MAX_SIDE);

/** `{ input?: [H, W, C], classes? }` as it arrives from the CLI, IPC or the WebSocket. */
export const adaptRequestSchema = z.object({
  input: z
    .tuple([side, side, z.int().min(1).max(MAX_CHANNELS)], {
      error: 'input must be [height, width, channels]',
    })
    .optional(),
  classes: z.int().min(2, { error: 'classes must be at least 2' }).max(MAX_CLASSES).optional(),
});

/** Checks an adaptation request; throws AdaptError naming the offending field. */
export function parseAdaptRequest(req: unknown): AdaptRequest {
  const result = adaptRequestSchema.safeParse(req ?? {});
  if (result.success) {
    const out: AdaptRequest = {};
    if (result.data.input) out.input = [...result.data.input];
    if (result.data.classes !== undefined) out.classes = result.data.classes;
    return out;
  }
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'request';
  throw new AdaptError(`${where}: ${issue.message}`);
}
