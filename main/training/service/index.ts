/** The training service hosts create (Electron main process, the local web server). */
export {
  createTrainingService,
  type TrainingService,
  type TrainingServiceOptions,
} from './trainingService.ts';
export { TrainingError } from './errors.ts';
export { forkTrainer } from '../process/forkTrainer.ts';
export type { TrainerChannel, ParentToChild, ChildToParent } from '../process/messages.ts';
export { defaultRunsDir } from '../runs/paths.ts';
