/** The app's engine-choice store, over the real host API. */
import { api } from '../api/client.ts';
import { createEngineStore } from './engineChoice.ts';

export const useEngineStore = createEngineStore(api);

/** The engine fields of the next training request (the form's choice). */
export function engineRequest(): { engine: ReturnType<typeof useEngineStore.getState>['choice'] } {
  return { engine: useEngineStore.getState().choice };
}
