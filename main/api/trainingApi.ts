/**
 * The training half of the API: thin delegation to the host's TrainingService (which runs the
 * trainer in a child process). A host without one — e.g. a unit test — rejects every training
 * call with a message that says so.
 */
import type { RunStore } from '../training/runs/runStore.ts';
import type { TrainingService } from '../training/service/trainingService.ts';
import { BUILT_IN_DATA_SPECS } from '../training/vocabulary.ts';
import type { TrainingApiMethods } from './contract.ts';
import { ApiError } from './errors.ts';

/** The part of the training service the API calls (tests pass a stand-in with just these). */
export type ApiTrainingService = Pick<
  TrainingService,
  'start' | 'stop' | 'onEvent' | 'environment' | 'describeData'
> & { runs: Pick<RunStore, 'list' | 'get' | 'delete' | 'exportModel'> };

/**
 * The training methods of `NetdApi`, delegating to `service`; every call rejects with a
 * `training-unavailable` ApiError when `service` is undefined.
 * @param resolvePath turns a user-given folder (relative or `~/…`) into an absolute path.
 */
export function createTrainingApi(
  service: ApiTrainingService | undefined,
  resolvePath: (path: string) => string,
): TrainingApiMethods {
  const need = (): ApiTrainingService => {
    if (!service) {
      throw new ApiError(
        'training-unavailable',
        'Training is not available in this host (no training service was started).',
      );
    }
    return service;
  };
  return {
    trainingEnvironment: async () => need().environment(),
    trainingDescribeData: async ({ spec }) => need().describeData(dataSpec(spec, resolvePath)),
    trainingStart: async (req) =>
      need().start({
        ...req,
        data: dataSpec(req.data, resolvePath),
        ...(req.weights ? { weights: resolvePath(req.weights) } : {}),
      }),
    trainingStop: async ({ runId }) => need().stop(runId),
    runsList: async () => need().runs.list(),
    runsGet: async ({ runId }) => need().runs.get(runId),
    runsDelete: async ({ runId }) => need().runs.delete(runId),
    runsExportModel: async ({ runId, dir }) => need().runs.exportModel(runId, resolvePath(dir)),
    onTrainingEvent: (listener) => (service ? service.onEvent(listener) : () => undefined),
  };
}

const BUILT_IN_DATA: ReadonlySet<string> = new Set(BUILT_IN_DATA_SPECS);

/** Built-in data set names pass through; anything else is a folder on the host's disk. */
function dataSpec(spec: string, resolvePath: (path: string) => string): string {
  const trimmed = spec.trim();
  return BUILT_IN_DATA.has(trimmed.toLowerCase()) ? trimmed : resolvePath(trimmed);
}
