/**
 * The training form's engine choice (Auto / PyTorch / TensorFlow.js) and what it means on this
 * host: the host decides (it probes Python through `training:environment`); this module only
 * words the host's answer. Kept apart from the training store so the choice and the probe have one
 * owner each.
 */
import { create } from 'zustand';
import type { NetdApi } from '../../main/api/contract.ts';
import type { EngineReport, EngineName } from '../../main/training/types.ts';
import type { EngineChoice } from '../../main/training/vocabulary.ts';

/** The choices in display order, with their labels. */
export const ENGINE_OPTIONS: readonly (readonly [EngineChoice, string])[] = [
  ['auto', 'Auto'],
  ['pytorch', 'PyTorch'],
  ['tfjs', 'TensorFlow.js'],
];

const ENGINE_LABEL: Record<EngineName, string> = { pytorch: 'PyTorch', tfjs: 'TensorFlow.js' };

/** What the form says under the choice. */
export type EngineVerdict =
  | { kind: 'checking' }
  /** The run will train on `engine`, for `reason`. */
  | { kind: 'ok'; engine: EngineName; label: string; reason: string }
  /** PyTorch was asked for and cannot run here: why, and what to do. */
  | { kind: 'unavailable'; reason: string; remedy: string | null };

/**
 * Which engine a choice trains on here and why, from the host's report (null while it is being
 * fetched; `probeError` when it could not be).
 */
export function engineVerdict(
  choice: EngineChoice,
  report: EngineReport | null,
  probeError: string | null,
): EngineVerdict {
  if (choice === 'tfjs')
    return {
      kind: 'ok',
      engine: 'tfjs',
      label: ENGINE_LABEL.tfjs,
      reason: 'as chosen: the engine built into NetDesigner',
    };
  if (!report) {
    if (probeError === null) return { kind: 'checking' };
    return choice === 'pytorch'
      ? { kind: 'unavailable', reason: probeError, remedy: null }
      : {
          kind: 'ok',
          engine: 'tfjs',
          label: ENGINE_LABEL.tfjs,
          reason: `the host could not check for PyTorch (${probeError})`,
        };
  }
  if (choice === 'pytorch') {
    const p = report.pytorch;
    if (!p.available) return { kind: 'unavailable', reason: p.reason, remedy: p.remedy ?? null };
    const devices = p.devices.length > 0 ? p.devices.join('; ') : 'the CPU';
    return {
      kind: 'ok',
      engine: 'pytorch',
      label: ENGINE_LABEL.pytorch,
      reason: `as chosen: ${p.reason}, on ${devices}`,
    };
  }
  return {
    kind: 'ok',
    engine: report.auto.engine,
    label: ENGINE_LABEL[report.auto.engine],
    // The host's own sentence, as `netd doctor` prints it.
    reason: report.auto.reason,
  };
}

/**
 * The form's starting choice. TensorFlow.js keeps the app training as it did before engines (the
 * e2e suites assert tfjs backends); `auto` would pick PyTorch on any machine with torch and no
 * native TensorFlow. Change here to make Auto the default.
 */
export const DEFAULT_ENGINE_CHOICE: EngineChoice = 'tfjs';

interface EngineState {
  choice: EngineChoice;
  /** The host's engine report; null until it has answered. */
  report: EngineReport | null;
  probing: boolean;
  probeError: string | null;
  setChoice(choice: EngineChoice): void;
  /** Asks the host once (it starts Python, a few seconds); later calls reuse the answer. */
  probe(): Promise<void>;
}

/** Creates the store over the host's API (`useEngineStore.ts` makes the app's instance). */
export function createEngineStore(api: Pick<NetdApi, 'trainingEnvironment'>) {
  return create<EngineState>()((set, get) => ({
    choice: DEFAULT_ENGINE_CHOICE,
    report: null,
    probing: false,
    probeError: null,
    setChoice(choice) {
      set({ choice });
    },
    async probe() {
      const s = get();
      if (s.probing || s.report) return;
      set({ probing: true, probeError: null });
      try {
        const env = await api.trainingEnvironment();
        set({
          probing: false,
          report: env.engine ?? null,
          probeError: env.engine ? null : 'this host does not report its engines',
        });
      } catch (error) {
        set({ probing: false, probeError: error instanceof Error ? error.message : String(error) });
      }
    },
  }));
}
