/** Public surface of local training for hosts, the API and the CLI. */
export {
  createTrainingService,
  TrainingError,
  type TrainingService,
  type TrainingServiceOptions,
} from './service/index.ts';
export { forkTrainer } from './process/forkTrainer.ts';
export type { TrainerChannel, ParentToChild, ChildToParent } from './process/messages.ts';
export { createRunStore, defaultRunsDir, type RunStore, type RunWriter } from './runs/index.ts';
export { runTraining } from './trainer/runTraining.ts';
export { resolveTrainingOptions, DEFAULT_TRAINING_OPTIONS } from './trainer/options.ts';
export { describeData, loadDataset, checkDataFits, DataError } from './data/index.ts';
export { registerTrainingCommands } from './cli/registerTrainingCommands.ts';
