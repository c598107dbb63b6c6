/**
 * The renderer's view of the API surface. The renderer may not import runtime values from `main/`
 * (lint rule), so the method list is repeated here and checked against the contract's types; the
 * channel name follows the contract's `domain:verb` rule and a unit test pins it to `API_CHANNELS`.
 */
import type { ApiMethod } from '../../main/api/contract.ts';

/** Every request method of `NetdApi` (all but `onTrainingEvent`). */
export const API_METHODS = [
  'hostInfo',
  'catalogList',
  'networkAnalyze',
  'networkAnalyzeUpdate',
  'networkExpandNode',
  'networkExpandAll',
  'networkAdapt',
  'networkExample',
  'networkCompare',
  'examplesList',
  'examplesLoad',
  'templatesList',
  'templatesLoad',
  'filesOpen',
  'filesSave',
  'filesRecent',
  'filesImport',
  'filesList',
  'filesWeights',
  'recoveryRead',
  'recoveryWrite',
  'recoveryClear',
  'trainingEnvironment',
  'trainingDescribeData',
  'trainingStart',
  'trainingStop',
  'runsList',
  'runsGet',
  'runsDelete',
  'runsExportModel',
  'exportDesign',
  'runsContinue',
] as const satisfies readonly ApiMethod[];

// Fails to compile when the contract gains a method that is missing above.
type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const _complete: [Missing] extends [never] ? true : Missing = true;
void _complete;

/** `networkExpandNode` → `network:expandNode`: the domain is the part before the first capital. */
export function channelOf(method: ApiMethod): string {
  const split = method.search(/[A-Z]/);
  return `${method.slice(0, split)}:${method[split]?.toLowerCase()}${method.slice(split + 1)}`;
}

/** The push channel for training events (`TRAINING_EVENT_CHANNEL` in the contract). */
export const TRAINING_EVENT = 'training:event';
