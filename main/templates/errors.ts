/** The one error templates and adaptation throw: its message is a sentence for the user. */
export class AdaptError extends Error {
  override readonly name = 'AdaptError';
}
