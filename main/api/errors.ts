/**
 * Errors the API reports to the renderer. Every failure crosses the transport as
 * `{ message, code }`: the message is a sentence for the user, never a stack trace.
 */
import type { z } from 'zod';
import { formatIssuePath } from '../files/index.ts';

export type ApiErrorCode =
  | 'bad-request'
  | 'unknown-channel'
  | 'not-found'
  | 'file-error'
  | 'training-unavailable'
  | 'training-error'
  | 'internal';

/** An error whose message is meant for the user as it stands. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

const MAX_ISSUES_SHOWN = 3;

/**
 * One readable line from a zod error, each issue prefixed by its path:
 * `doc.nodes[2].params: expected object, received string`. Issues about the whole value are
 * prefixed by `root` when given, else not at all.
 */
export function formatZodError(error: z.ZodError, root?: string): string {
  const lines = error.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const path = formatIssuePath(issue.path) || root;
    // zod 4 prefixes type errors with "Invalid input: " (the path already says where) and calls
    // a string-keyed map a "record", which is an object to anyone writing JSON.
    const message = issue.message
      .replace(/^Invalid input: /, '')
      .replace(/expected record\b/, 'expected object');
    return path ? `${path}: ${message}` : message;
  });
  const more = error.issues.length - MAX_ISSUES_SHOWN;
  if (more > 0) lines.push(`(and ${more} more)`);
  return lines.join('; ');
}
