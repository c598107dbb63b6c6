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
