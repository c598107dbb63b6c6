/**
 * One entry for a training run on either engine: decides the engine (`auto` by default), says why
 * in the started event's backend note, and runs the tfjs trainer or the PyTorch one. Both speak
 * the same events and write the same run records.
 */
import { backendFromEnv } from '../backend/initBackend.ts';
import { failureEvent, runTraining, type RunOutcome } from '../trainer/runTraining.ts';
import type { TrainingEvent, TrainingRequest } from '../types.ts';
import type { RunWriter } from '../runs/runWriter.ts';
import {
  chooseEngine,
  engineConflict,
  EngineError,
  type EngineDecision,
  type EngineRequest,
} from './chooseEngine.ts';
import { runPytorchTraining } from './runPytorchTraining.ts';

export type { EngineRequest } from './chooseEngine.ts';

/**
 * The engine a request trains on. A tfjs `--backend` (or NETD_BACKEND) with `auto` means tfjs;
 * `--device` / `--nproc` with `auto` mean PyTorch.
 * @throws EngineError for contradictory settings or `pytorch` where it cannot run.
 */
export function decideEngine(req: TrainingRequest, e: EngineRequest): EngineDecision {
  const choice = e.engine ?? 'auto';
  const tfjsBackend = req.options.backend ?? backendFromEnv();
  const torchOnly = e.device !== undefined || (e.nproc ?? 1) > 1;
  const conflict = engineConflict({ ...e, options: req.options });
  if (conflict) throw new EngineError(conflict);
  if (choice === 'auto' && tfjsBackend && !torchOnly)
    return {
      engine: 'tfjs',
      reason: `TensorFlow.js, because the ${tfjsBackend} backend was asked for`,
    };
  return chooseEngine(torchOnly && choice === 'auto' ? 'pytorch' : choice);
}

/**
 * Runs the request on the engine `e` selects. Never throws: a refusal is a failed event.
 * @returns how the run ended, and the engine decision when one was made.
 */
export async function runOnEngine(
  req: TrainingRequest & { runId: string },
  emit: (e: TrainingEvent) => void,
  signal: { stopped: boolean },
  store: RunWriter | undefined,
  e: EngineRequest,
): Promise<RunOutcome & { decision?: EngineDecision }> {
  let decision: EngineDecision;
  try {
    decision = decideEngine(req, e);
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    const failed = failureEvent(req.runId, err);
    store?.record(failed);
    emit(failed);
    return { ended: 'failed', errorName: 'EngineError', message: err.message };
  }
  if (decision.engine === 'pytorch') {
    const outcome = await runPytorchTraining(req, emit, signal, store, {
      device: e.device,
      nproc: e.nproc,
      reason: decision.reason,
    });
    return { ...outcome, decision };
  }
  // tfjs: the same run, with the engine named in its events.
  const tag = (ev: TrainingEvent): TrainingEvent =>
    ev.event === 'started'
      ? { ...ev, engine: 'tfjs', backendNote: `${decision.reason}. ${ev.backendNote}` }
      : ev.event === 'done'
        ? { ...ev, engine: 'tfjs' }
        : ev;
  const tagged: RunWriter | undefined = store && {
    ...store,
    record: (ev: TrainingEvent) => store.record(tag(ev)),
  };
  const outcome = await runTraining(req, (ev) => emit(tag(ev)), signal, tagged);
  return { ...outcome, decision };
}
