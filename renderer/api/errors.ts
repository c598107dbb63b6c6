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
