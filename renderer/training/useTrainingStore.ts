/**
 * The app's training store, wired to the host API and the designer's current document. Components
 * use `useTrainingStore(selector)`; its actions live inside the store (see `trainingStore.ts`).
 */
import type { DirEntry } from '../../main/api/contract.ts';
import { api } from '../api/client.ts';
import { getCurrentDoc, replaceCurrentDoc } from '../state/currentDoc.ts';
import { createTrainingStore } from './trainingStore.ts';

export const useTrainingStore = createTrainingStore({
  api,
  getDoc: getCurrentDoc,
  replaceDoc: (doc) => replaceCurrentDoc(doc, { layout: true, fit: true }),
});

export interface FolderListing {
  dir: string;
  parent: string | null;
  entries: DirEntry[];
}

/** Lists a folder on the host for the folder pickers (data folder, export target). */
export function listFolder(dir?: string): Promise<FolderListing> {
  return api.filesList(dir === undefined ? {} : { dir });
}
