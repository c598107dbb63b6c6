/** Checks a training request before any process is started, so mistakes surface at Start, not as a failed run. */
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DataDescription, TrainingRequest } from '../types.ts';
import { networkDocSchema } from '../../network/schema.ts';
import { analyzeNetwork } from '../../network/analyze.ts';
import { describeData } from '../data/loadDataset.ts';
import { checkDataFits } from '../data/checkDataFits.ts';
import { designError } from '../compile/errors.ts';
import { resolveTrainingOptions } from '../trainer/options.ts';
import { BUILT_IN_DATA_SPECS } from '../vocabulary.ts';
import { TrainingError, asTrainingError } from './errors.ts';
import { loadStartingWeights } from '../../weights/start.ts';
import { engineRequestFields } from '../optionsSchema.ts';
import { engineConflict } from '../pytorch/chooseEngine.ts';

const BUILT_IN: ReadonlySet<string> = new Set(BUILT_IN_DATA_SPECS);

const requestSchema = z.object({
  doc: networkDocSchema,
  data: z.string().trim().min(1, "data is required — use 'synthetic', 'fashion-mnist' or a folder"),
  options: z.record(z.string(), z.unknown()).default({}),
  weights: z.string().min(1).optional(),
  ...engineRequestFields,
});

/**
 * Built-in names pass through; a folder becomes absolute (the trainer process may not share our
 * working directory), with a leading `~` read as the home folder (a shell leaves `--data=~/x` as is).
 */
export function normalizeDataSpec(spec: string): string {
  const s = spec.trim();
  if (BUILT_IN.has(s.toLowerCase())) return s.toLowerCase();
  return resolve(s.replace(/^~(?=$|[/\\])/, homedir()));
}

/**
 * Validates shape, options, design and data fit.
 * @returns the request with a normalised data spec, and the data's description.
 * @throws TrainingError with one user-facing sentence; `refused` says whether the request, the
 *   design or the data is at fault.
 */
export async function validateRequest(
  raw: unknown,
): Promise<{ request: TrainingRequest; data: DataDescription }> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrainingError(
      `invalid training request: ${issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'unknown problem'}`,
      'request',
    );
  }
  const request = { ...parsed.data, data: normalizeDataSpec(parsed.data.data) } as TrainingRequest;
  try {
    resolveTrainingOptions(request.options);
  } catch (err) {
    throw asTrainingError(err, 'request');
  }
  // Contradictions (tfjs with a PyTorch device …) are refused at Start; whether PyTorch can run
  // here is the trainer's to find out (it probes Python), and becomes a failed run with the fix.
  const conflict = engineConflict(request);
  if (conflict) throw new TrainingError(conflict, 'request');
  const invalid = designError(analyzeNetwork(request.doc));
  if (invalid) throw new TrainingError(invalid.message, 'design');
  let data: DataDescription;
  try {
    data = await describeData(request.data);
  } catch (err) {
    throw asTrainingError(err, 'data');
  }
  if (request.weights) {
    try {
      await loadStartingWeights(request.weights, request.doc);
    } catch (err) {
      throw new TrainingError((err as Error).message, 'design');
    }
  }
  const misfits = checkDataFits(data, request.doc);
  if (misfits.length > 0)
    throw new TrainingError(`the data does not fit the network: ${misfits.join('; ')}`, 'data');
  return { request, data };
}
