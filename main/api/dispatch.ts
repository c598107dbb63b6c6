/**
 * The one entry point both hosts use for a request from the renderer: channel → method, validate
 * the payload, call, and turn any failure into `{ message, code }` a user can read.
 */
import { z } from 'zod';
import { NetworkFileError } from '../files/index.ts';
import { ExpandError } from '../network/index.ts';
import { AdaptError } from '../templates/index.ts';
import { API_CHANNELS, type ApiMethod, type NetdApi } from './contract.ts';
import { ApiError, formatZodError, type ApiErrorCode } from './errors.ts';
import { requestSchemas } from './schemas.ts';

export type ApiResult =
  { ok: true; result: unknown } | { ok: false; error: { message: string; code: string } };

const METHOD_BY_CHANNEL: ReadonlyMap<string, ApiMethod> = new Map(
  (Object.entries(API_CHANNELS) as [ApiMethod, string][]).map(([method, channel]) => [
    channel,
    method,
  ]),
);

/** The API method a channel name maps to, or undefined for an unknown channel. */
export function methodForChannel(channel: string): ApiMethod | undefined {
  return METHOD_BY_CHANNEL.get(channel);
}

/** Where unexpected errors are logged with their stack (the host's console by default). */
export type ErrorLogger = (channel: string, error: unknown) => void;

const defaultLogger: ErrorLogger = (channel, error) => {
  console.error(`[netd] ${channel} failed:`, error);
};

/**
 * Validates `payload` against the channel's request schema, calls the matching method of `api`
 * and returns its result. Never throws: unknown channels, invalid payloads and errors thrown by
 * the method all come back as `{ ok: false, error }` with a message naming the bad path, e.g.
 * `doc.nodes[2].params: expected object, received string`.
 */
export async function dispatchApiCall(
  api: NetdApi,
  channel: string,
  payload: unknown,
  logError: ErrorLogger = defaultLogger,
): Promise<ApiResult> {
  const method = typeof channel === 'string' ? methodForChannel(channel) : undefined;
  if (!method) {
    return fail('unknown-channel', `Unknown API channel '${String(channel).slice(0, 100)}'.`);
  }
  const parsed = requestSchemas[method].safeParse(payload);
  if (!parsed.success) {
    return fail('bad-request', `Invalid ${channel} request: ${formatZodError(parsed.error)}`);
  }
  try {
    // The schema fixed the argument's shape; the method table cannot express that per key.
    const call = api[method] as (arg: unknown) => Promise<unknown>;
    const result = await call.call(api, parsed.data ?? undefined);
    return { ok: true, result: result ?? null };
  } catch (error) {
    return describeFailure(channel, error, logError);
  }
}

/** Longest error message sent back: a 50 MB path must not come back as a 100 MB error. */
export const MAX_ERROR_MESSAGE_CHARS = 2000;

function fail(code: ApiErrorCode | string, message: string): ApiResult {
  const bounded =
    message.length <= MAX_ERROR_MESSAGE_CHARS
      ? message
      : `${message.slice(0, MAX_ERROR_MESSAGE_CHARS)}… (${message.length - MAX_ERROR_MESSAGE_CHARS} more characters)`;
  return { ok: false, error: { message: bounded, code } };
}

/** Maps a thrown value to a user-facing failure; unexpected ones are logged with their stack. */
function describeFailure(channel: string, error: unknown, logError: ErrorLogger): ApiResult {
  if (error instanceof ApiError) return fail(error.code, error.message);
  if (error instanceof z.ZodError) {
    // A schema inside the implementation rejected something (e.g. a file's contents).
    return fail('bad-request', formatZodError(error));
  }
  // Errors of the engine, files and templates carry a user-facing message by design.
  if (error instanceof NetworkFileError) return fail('file-error', error.message);
  if (error instanceof AdaptError || error instanceof ExpandError) {
    return fail('bad-request', error.message);
  }
  // The training service's errors are recognised by name so the API does not depend on its
  // internals.
  if (error instanceof Error && error.name === 'RunNotFoundError') {
    return fail('not-found', error.message);
  }
  if (error instanceof Error && TRAINING_ERROR_NAMES.has(error.name)) {
    return fail('training-error', error.message);
  }
  logError(channel, error);
  const message = error instanceof Error && error.message ? error.message : String(error);
  return fail('internal', `${channel} failed: ${firstLine(message)}`);
}

/** Errors of the training modules whose message is written for the user. */
const TRAINING_ERROR_NAMES = new Set([
  'TrainingError',
  'TrainingFailure',
  'OptionsError',
  'DataError',
  'CompileError',
]);

/** Node's system errors put a multi-line description in `message` sometimes; keep one line. */
function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
