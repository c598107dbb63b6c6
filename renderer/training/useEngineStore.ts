/** The app's engine-choice store, over the real host API. */
import { api } from '../api/client.ts';
import type { TrainingRequest } from '../../main/training/types.ts';
import { createEngineStore, engineSettings } from './engineChoice.ts';

export const useEngineStore = createEngineStore(api);

/** The engine fields of the next training request: the form's engine, device and processes. */
export function engineRequest(): Pick<TrainingRequest, 'engine' | 'device' | 'nproc'> {
  return engineSettings(useEngineStore.getState()).request;
}
