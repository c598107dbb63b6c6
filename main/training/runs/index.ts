/** The run store: every training run on disk (record, design snapshot, metrics log, model). */
export { createRunStore, RunNotFoundError, type RunStore } from './runStore.ts';
export type { RunWriter } from './runWriter.ts';
export type { ModelMeta } from './saveModel.ts';
export { defaultRunsDir, newRunId, isValidRunId } from './paths.ts';
