/** Whether the Train button may be pressed now, and if not, the one reason shown beside it. */
import type { DataDescription } from '../../main/training/types.ts';
import type { DesignFacts, Mismatch } from './mismatch.ts';
import type { ParsedOptions } from './options.ts';

export interface ReadinessInput {
  /** null while the design has not been analysed yet. */
  design: DesignFacts | null;
  dataSpec: string;
  description: {
    status: 'idle' | 'loading' | 'ready' | 'error';
    value: DataDescription | null;
    error: string | null;
  };
  mismatches: readonly Mismatch[];
  options: ParsedOptions;
  busy: boolean;
  /** Why the engine's Device / Processes cannot run here (`engineSettings`), or null. */
  engine?: string | null;
}

/** The first reason training cannot start, or null when it can. */
export function trainBlocker(input: ReadinessInput): string | null {
  if (input.busy) return 'A run is in progress.';
  if (!input.design) return 'Checking the design…';
  const errors = input.design.errors.length;
  if (errors > 0)
    return `The design has ${errors} error${errors === 1 ? '' : 's'} — fix ${errors === 1 ? 'it' : 'them'} in the Problems panel first.`;
  if (!input.design.inputShape)
    return 'The design needs exactly one Input layer with a [H, W, C] shape.';
  if (input.design.classes === null)
    return 'The design needs one output that is a vector of class scores (end with Dense).';
  if (!input.dataSpec) return 'Choose a data folder.';
  if (input.description.status === 'error')
    return input.description.error ?? 'The data cannot be read.';
  const blocking = input.mismatches.find((m) => m.blocking);
  if (blocking) return `${blocking.message} Use “Adapt network to data”.`;
  if (input.engine) return `${input.engine}.`;
  if (!input.options.ok) {
    const first = Object.values(input.options.errors)[0];
    return first ? `${first}.` : 'Some options are invalid.';
  }
  return null;
}
