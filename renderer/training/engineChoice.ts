/**
 * The training form's engine choice (Auto / PyTorch / TensorFlow.js) and what it means on this
 * host: the host decides (it probes Python through `training:environment`); this module only
 * words the host's answer. Kept apart from the training store so the choice and the probe have one
 * owner each.
 */
import { create } from 'zustand';
import type { NetdApi } from '../../main/api/contract.ts';
import { engineRequestFields, OPTION_LABELS } from '../../main/training/optionsSchema.ts';
import {
  checkTorchSettings,
  defaultDevice,
  maxProcesses,
  presentDevices,
  type SettingNames,
  type TorchDevices,
} from '../../main/training/pytorch/torchDevices.ts';
import type { EngineReport, EngineName, TrainingRequest } from '../../main/training/types.ts';
import type { DeviceName, EngineChoice } from '../../main/training/vocabulary.ts';

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
 * The form's starting choice: Auto, as `netd train` — the host picks PyTorch where it is usable
 * and faster here, else TensorFlow.js, and the form says which and why.
 */
export const DEFAULT_ENGINE_CHOICE: EngineChoice = 'auto';

/** The form's Device: the engine's default (CUDA → MPS → CPU) or one device torch found. */
export type DeviceChoice = 'auto' | DeviceName;

const DEVICE_LABEL: Record<DeviceName, string> = { cuda: 'CUDA', mps: 'Apple MPS', cpu: 'CPU' };

/** The Device choices for what torch sees here (absent devices are not offered), with labels. */
export function deviceOptions(d: TorchDevices): [DeviceChoice, string][] {
  const label = (device: DeviceName): string => {
    if (device === 'cuda') {
      const names = [...new Set(d.gpus)];
      const count = d.gpus.length > 1 ? `${d.gpus.length}× ` : '';
      return `${d.rocm ? 'ROCm' : 'CUDA'} · ${count}${names.join(', ')}`;
    }
    if (device === 'cpu') return `CPU · ${d.cpuCores} core${d.cpuCores === 1 ? '' : 's'}`;
    return DEVICE_LABEL[device];
  };
  return [
    ['auto', `Auto (${DEVICE_LABEL[defaultDevice(d)]})`],
    ...presentDevices(d).map((device): [DeviceChoice, string] => [device, label(device)]),
  ];
}

/** The form's words for a device or a process count in `checkTorchSettings`' messages. */
const FORM_NAMES: SettingNames = {
  device: (d) => `${OPTION_LABELS.device} ${DEVICE_LABEL[d]}`,
  nproc: (n) => `${n} process${n === 1 ? '' : 'es'}`,
};

/** What the form's engine fields amount to: the request's engine part, or why they cannot run. */
export interface EngineSettings {
  request: Pick<TrainingRequest, 'engine' | 'device' | 'nproc'>;
  /** What torch sees, when the run trains on PyTorch (the form then shows Device and Processes). */
  torch: TorchDevices | null;
  /** The device the run will use (the choice, or the default for Auto), with PyTorch. */
  device: DeviceName | null;
  /** The most processes that device allows here. */
  maxProcesses: number;
  /** The field that is wrong and why (the CLI's check, in the form's words); blocks Start. */
  problem: { field: 'device' | 'nproc'; message: string } | null;
}

/**
 * Judges the form's engine, device and process count with the CLI's rules: the range of
 * `--nproc` from the one options schema, the host-dependent limits (a device that is not there,
 * more processes than devices) from `checkTorchSettings`, as `netd train` applies them.
 */
export function engineSettings(
  s: Pick<EngineState, 'choice' | 'report' | 'probeError' | 'device' | 'nproc'>,
): EngineSettings {
  const verdict = engineVerdict(s.choice, s.report, s.probeError);
  const torch = s.report?.pytorch.hardware;
  if (verdict.kind !== 'ok' || verdict.engine !== 'pytorch' || !torch)
    return {
      request: { engine: s.choice },
      torch: null,
      device: null,
      maxProcesses: 1,
      problem: null,
    };
  const wanted = s.device === 'auto' ? undefined : s.device;
  const device = wanted ?? defaultDevice(torch);
  const most = maxProcesses(device, torch);
  const base = { torch, device, maxProcesses: most };
  const parsed = engineRequestFields.nproc.safeParse(s.nproc.trim() === '' ? NaN : Number(s.nproc));
  if (!parsed.success)
    return {
      ...base,
      request: { engine: s.choice },
      problem: { field: 'nproc', message: parsed.error.issues[0]?.message ?? 'invalid' },
    };
  const nproc = parsed.data ?? 1;
  const check = checkTorchSettings({ device: wanted, nproc }, torch, FORM_NAMES);
  return {
    ...base,
    request: {
      engine: s.choice,
      ...(wanted ? { device: wanted } : {}),
      ...(nproc > 1 ? { nproc } : {}),
    },
    problem: check.ok ? null : { field: check.field, message: check.message },
  };
}

interface EngineState {
  choice: EngineChoice;
  /** PyTorch's device, when the run trains on PyTorch. */
  device: DeviceChoice;
  /** PyTorch's process count as typed (validated by {@link engineSettings}). */
  nproc: string;
  /** The host's engine report; null until it has answered. */
  report: EngineReport | null;
  probing: boolean;
  probeError: string | null;
  setChoice(choice: EngineChoice): void;
  setDevice(device: DeviceChoice): void;
  setNproc(nproc: string): void;
  /** Asks the host once (it starts Python, a few seconds); later calls reuse the answer. */
  probe(): Promise<void>;
}

/** Creates the store over the host's API (`useEngineStore.ts` makes the app's instance). */
export function createEngineStore(api: Pick<NetdApi, 'trainingEnvironment'>) {
  return create<EngineState>()((set, get) => ({
    choice: DEFAULT_ENGINE_CHOICE,
    device: 'auto',
    nproc: '1',
    report: null,
    probing: false,
    probeError: null,
    setChoice(choice) {
      set({ choice });
    },
    setDevice(device) {
      set({ device });
    },
    setNproc(nproc) {
      set({ nproc });
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
