/** The one error type of ONNX import and export: one or more sentences for the user. */
import { oneLine } from '../oneLine.ts';

/**
 * Thrown when a model cannot be read, imported or exported. `lines` are complete sentences (one
 * per problem: per unsupported operator, per unreadable tensor…); the CLI prints each on its own
 * line and exits with status 2. Never carries a stack trace to the user.
 */
export class OnnxError extends Error {
  override name = 'OnnxError';
  readonly lines: readonly string[];
  constructor(lines: string | readonly string[]) {
    // Lines quote names from the file (nodes, tensors, locations), which may be huge or hold
    // line breaks: each line stays one bounded line.
    const list = (typeof lines === 'string' ? [lines] : lines).map(oneLine);
    super(list.join('\n'));
    this.lines = list;
  }
}
