/**
 * The crash-recovery file: the renderer autosaves the open network here every few seconds while it
 * has unsaved changes, and clears it on save or a clean close. On the next start a present file
 * means the app did not close cleanly, and the designer offers to restore it.
 */
import { z } from 'zod';
import { analyzeNetwork } from '../network/analyze.ts';
import { MAX_NETWORK_FILE_BYTES } from '../network/limits.ts';
import { networkDocSchema } from '../network/schema.ts';
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

/** True when analysis of `doc` completes (it never throws by design; this guards the promise). */
function analyzes(doc: NetworkDoc): boolean {
  try {
    analyzeNetwork(doc);
    return true;
  } catch {
    return false;
  }
}

export interface RecoveryStore {
  /** The last snapshot, or null when there is none (or it is unreadable). */
  read(): Promise<RecoverySnapshot | null>;
  write(doc: NetworkDoc, path: string | null, now?: Date): Promise<void>;
  clear(): Promise<void>;
}

/**
 * A recovery store backed by the JSON file at `file`. Reads, writes and clears run one at a time in
 * the order they arrive: on a reload the leaving page's last write reaches the host just before the
 * new page asks what to restore, and that read must see the write, not the file as it was while
 * the write was still under way.
 */
export function createRecoveryStore(file: string): RecoveryStore {
  let last: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(op: () => Promise<T>): Promise<T> => {
    const run = last.then(op, op);
    last = run.catch(() => undefined);
    return run;
  };
  const direct: RecoveryStore = {
    async read() {
      const parsed = snapshotSchema.safeParse(
        await readJsonOrUndefined(file, MAX_NETWORK_FILE_BYTES),
      );
      if (!parsed.success) return null;
      const { doc: raw, path, savedAt } = parsed.data;
      // Offered only when it is a document the app can open: the full file schema (with its
      // caps) and an analysis that completes. A snapshot that crashed the app last time must not
      // be offered again on every start.
      const doc = networkDocSchema.safeParse(raw);
      if (!doc.success || !analyzes(doc.data)) return null;
      return { doc: doc.data, path, savedAt };
    },
    async write(doc, path, now = new Date()) {
      await writeJsonAtomic(file, { version: 1, doc, path, savedAt: now.toISOString() });
    },
    clear: () => removeIfExists(file),
  };
  return {
    read: () => inOrder(() => direct.read()),
    write: (doc, path, now) => inOrder(() => direct.write(doc, path, now)),
    clear: () => inOrder(() => direct.clear()),
  };
}
