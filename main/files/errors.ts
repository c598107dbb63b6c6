/** The one error type of network file I/O: a single line naming the path and what is wrong. */

export type NetworkFileErrorKind =
  | 'not-found'
  | 'unreadable'
  | 'not-json'
  | 'wrong-format'
  | 'newer-version'
  | 'invalid'
  | 'write-failed';

/** Thrown by every file function; `message` is one line naming the path and the reason. */
export class NetworkFileError extends Error {
  override name = 'NetworkFileError';
  constructor(
    readonly kind: NetworkFileErrorKind,
    /** The file concerned, when there is one. */
    readonly path: string | undefined,
    /** What is wrong, without the path. */
    readonly reason: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
  }
}
