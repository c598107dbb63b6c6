/** A host API call that failed: the host's message for the user plus its code. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  readonly code: string;
  readonly channel: string;
  constructor(message: string, code: string, channel: string) {
    super(message);
    this.code = code;
    this.channel = channel;
  }
}

/** Turns whatever an API call rejected with into one sentence for the user (never a stack trace). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  if (
    error &&
    typeof error === 'object' &&
    'message' in error &&
    typeof error.message === 'string'
  ) {
    return error.message;
  }
  return 'Something went wrong (no details were given).';
}
