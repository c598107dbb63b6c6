/**
 * The one error type the training service throws. Its message is written for the user; the API
 * layer passes errors named `TrainingError` through to the UI unchanged.
 */
export class TrainingError extends Error {
  override name = 'TrainingError';
  constructor(
    message: string,
    /**
     * What was wrong, when a request was refused: the request itself (shape, options, data spec),
     * the design (it has errors), or the data (unreadable, or does not fit). `netd train` turns it
     * into an exit status.
     */
    readonly refused?: 'request' | 'design' | 'data',
  ) {
    super(message);
  }
}

/** Re-throws any error as a TrainingError with the same message (and `refused`, when given). */
export function asTrainingError(err: unknown, refused?: TrainingError['refused']): TrainingError {
  if (err instanceof TrainingError) return err;
  return new TrainingError(err instanceof Error ? err.message : String(err), refused);
}
