import type { NetworkAnalysis } from '../../network/types.ts';

/** Why a design cannot be turned into a trainable tfjs model; the message names the node. */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  /** The node the problem is on (the user's node id, or an expanded id like `blk/conv1`). */
  readonly nodeId: string | undefined;

  constructor(message: string, nodeId?: string) {
    super(message);
    this.nodeId = nodeId;
  }
}

/**
 * Why an analysed design cannot be trained: its first error, and how many more there are; null
 * when it has none. The service refuses such a request with this message, and the compiler
 * throws it.
 */
export function designError(analysis: NetworkAnalysis): CompileError | null {
  const errors = analysis.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  const first = errors[0]!;
  const more =
    errors.length > 1
      ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})`
      : '';
  return new CompileError(
    `the design cannot be trained yet: ${first.message}${more}`,
    first.nodeId,
  );
}
