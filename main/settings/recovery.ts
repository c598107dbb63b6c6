/**
 * The crash-recovery file: the renderer autosaves the open network here every few seconds while it
 * has unsaved changes, and clears it on save or a clean close. On the next start a present file
 * means the app did not close cleanly, and the designer offers to restore it.
 */
import { z } from 'zod';
import type { NetworkDoc } from '../network/types.ts';
import { readJsonOrUndefined, removeIfExists, writeJsonAtomic } from './atomicJson.ts';

export interface RecoverySnapshot {
  doc: NetworkDoc;
  /** The file the doc came from, or null for an unsaved network. */
  path: string | null;
  savedAt: string;
}

// The doc is checked only for its envelope here: a recovered doc may well contain design errors
// (that is often why it was not saved yet), and the designer shows those as problems.
const snapshotSchema = z.object({
  version: z.literal(1),
  doc: z.looseObject({
    format: z.literal('netdesigner.network'),
    version: z.literal(1),
    name: z.string(),
    nodes: z.array(z.unknown()),
    edges: z.array(z.unknown()),
  }),
  path: z.string().nullable(),
  savedAt: z.string(),
});

export interface RecoveryStore {
  /** The last snapshot, or null when there is none (or it is unreadable). */
  read(): Promise<RecoverySnapshot | null>;
  write(doc: NetworkDoc, path: string | null, now?: Date): Promise<void>;
  clear(): Promise<void>;
}

/** A recovery store backed by the JSON file at `file`. */
export function createRecoveryStore(file: string): RecoveryStore {
  return {
    async read() {
      const parsed = snapshotSchema.safeParse(await readJsonOrUndefined(file));
      if (!parsed.success) return null;
      const { doc, path, savedAt } = parsed.data;
      return { doc: doc as unknown as NetworkDoc, path, savedAt };
    },
    async write(doc, path, now = new Date()) {
      await writeJsonAtomic(file, { version: 1, doc, path, savedAt: now.toISOString() });
    },
    clear: () => removeIfExists(file),
  };
}
