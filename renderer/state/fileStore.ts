/**
 * Which file the document belongs to and whether it has unsaved changes. "Dirty" is derived: the
 * current doc is not the very object last saved or opened (undoing back to it makes it clean again).
 */
import { create } from 'zustand';
import type { NetworkDoc } from '../../main/network/types.ts';
import type { RecentFile } from '../../main/api/contract.ts';
import { useDocStore } from './docStore.ts';

/** Unsaved work found in the host's recovery file at start-up. */
export interface Recovery {
  doc: NetworkDoc;
  path: string | null;
  savedAt: string;
}

interface FileState {
  path: string | null;
  savedDoc: NetworkDoc | null;
  recent: RecentFile[];
  recovery: Recovery | null;
  setRecovery: (r: Recovery | null) => void;
  /** Records the file the doc belongs to and the doc as saved there (null: nothing saved matches). */
  markSaved: (path: string | null, doc: NetworkDoc | null) => void;
  setRecent: (recent: RecentFile[]) => void;
}

export const useFileStore = create<FileState>()((set) => ({
  path: null,
  savedDoc: null,
  recent: [],
  recovery: null,
  setRecovery: (recovery) => set({ recovery }),
  markSaved: (path, savedDoc) => set({ path, savedDoc }),
  setRecent: (recent) => set({ recent }),
}));

/** True when the document differs from what was last opened or saved. */
export function isDirty(): boolean {
  return useDocStore.getState().doc !== useFileStore.getState().savedDoc;
}

/** Hook form of `isDirty`. */
export function useDirty(): boolean {
  const doc = useDocStore((s) => s.doc);
  const saved = useFileStore((s) => s.savedDoc);
  return doc !== saved;
}

/** The file name of a path, without folders. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
