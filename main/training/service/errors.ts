/**
 * The one error type the training service throws. Its message is written for the user; the API
 * layer passes errors named `TrainingError` through to the UI unchanged.
 */
export class TrainingError extends Error {
  override name = 'TrainingError';
}

/** Re-throws any error as a TrainingError with the same message. */
export function asTrainingError(err: unknown): TrainingError {
  if (err instanceof TrainingError) return err;
  return new TrainingError(err instanceof Error ? err.message : String(err));
}
