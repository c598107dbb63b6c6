/**
 * The app's training store, wired to the host API and the designer's current document. Components
 * use `useTrainingStore(selector)`; its actions live inside the store (see `trainingStore.ts`).
 */
import { api } from '../api/client.ts';
import { getCurrentDoc, replaceCurrentDoc } from '../state/currentDoc.ts';
import { useDocStore } from '../state/docStore.ts';
import { useFileStore } from '../state/fileStore.ts';
import { createTrainingStore } from './trainingStore.ts';
import { engineRequest } from './useEngineStore.ts';

export const useTrainingStore = createTrainingStore({
  api,
  getDoc: getCurrentDoc,
  getEngine: engineRequest,
  getDesignPath: () => useFileStore.getState().path,
  replaceDoc: (doc) => replaceCurrentDoc(doc, { layout: true, fit: true }),
  onNetworkLoaded: (listener) =>
    useDocStore.subscribe((state, prev) => {
      if (state.loads !== prev.loads) listener();
    }),
  onDocChange: (listener) =>
    useDocStore.subscribe((state, prev) => {
      if (state.doc !== prev.doc) listener(state.doc);
    }),
});
