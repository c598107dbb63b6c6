/**
 * Which PyTorch device and how many processes a run may use on this host: one check for
 * `netd train --device/--nproc` (before Python starts) and the training form's Device and
 * Processes fields (as the user picks), so both refuse the same settings with the same words.
 *
 * Pure (no Node, no zod): the renderer imports it by value (eslint.config.js PURE_MODULES); the
 * host fills {@link TorchDevices} from its probe of Python.
 */
import type { DeviceName } from '../vocabulary.ts';

/** What torch sees on this host, as the environment probe found it. */
export interface TorchDevices {
  /** torch's version (`1.13.0`), for messages. */
  torch: string;
  /** The Python that has it, for messages. */
  python: string;
  /** CUDA (or ROCm) GPUs by name, in index order; empty without one. */
  gpus: string[];
  /** Whether the GPUs are AMD's, through ROCm (torch calls them `cuda` too). */
  rocm: boolean;
  /** A torch built without CUDA or ROCm (it can never see a GPU). */
  cpuOnlyBuild: boolean;
  /** Apple's GPU (one device). */
  mps: boolean;
  /** CPU cores: the most CPU processes (gloo) that make sense. */
  cpuCores: number;
}

/** How a setting's value is named in messages: as the CLI's flag, or in the form's words. */
export interface SettingNames {
  device(device: DeviceName): string;
  nproc(n: number): string;
}

/** `--device cuda`, `--nproc 3`. */
export const CLI_SETTING_NAMES: SettingNames = {
  device: (d) => `--device ${d}`,
  nproc: (n) => `--nproc ${n}`,
};

/** The devices there are here, in the order the engine prefers them (its default first). */
export function presentDevices(d: TorchDevices): DeviceName[] {
  const present: DeviceName[] = [];
  if (d.gpus.length > 0) present.push('cuda');
  if (d.mps) present.push('mps');
  present.push('cpu');
  return present;
}

/** The device a run uses when none is chosen: CUDA, then Apple MPS, then the CPU. */
export function defaultDevice(d: TorchDevices): DeviceName {
  return presentDevices(d)[0]!;
}

/** The most processes one run may start on `device` here: one per GPU, one per CPU core. */
export function maxProcesses(device: DeviceName, d: TorchDevices): number {
  if (device === 'cuda') return d.gpus.length;
  if (device === 'mps') return d.mps ? 1 : 0;
  return Math.max(1, d.cpuCores);
}

/** The GPUs in words (`CUDA NVIDIA H100, NVIDIA H100`), or null. */
export function gpuWords(d: TorchDevices): string | null {
  if (d.gpus.length > 0) return `${d.rocm ? 'ROCm' : 'CUDA'} ${d.gpus.join(', ')}`;
  return d.mps ? 'Apple MPS' : null;
}

export type TorchSettingsCheck =
  | { ok: true; device: DeviceName; nproc: number }
  | { ok: false; field: keyof SettingNames; message: string };

/**
 * Checks a device (none: the default) and a process count (none: 1) against what torch sees.
 * The count's own range (a whole number, 1…64) is the options schema's; this adds what depends on
 * the host: a device that is not there, more processes than devices (GPUs, cores; MPS is one).
 */
export function checkTorchSettings(
  settings: { device?: DeviceName | undefined; nproc?: number | undefined },
  d: TorchDevices,
  names: SettingNames = CLI_SETTING_NAMES,
): TorchSettingsCheck {
  const device = settings.device ?? defaultDevice(d);
  const nproc = settings.nproc ?? 1;
  const where = `PyTorch ${d.torch} in ${d.python}`;
  if (device === 'cuda' && d.gpus.length === 0)
    return {
      ok: false,
      field: 'device',
      message: `${names.device('cuda')}: ${where} sees no CUDA GPU${d.cpuOnlyBuild ? ' (it is a CPU-only build)' : ''}`,
    };
  if (device === 'mps' && !d.mps)
    return {
      ok: false,
      field: 'device',
      message: `${names.device('mps')}: PyTorch ${d.torch} has no Apple MPS device here`,
    };
  const most = maxProcesses(device, d);
  if (nproc <= most) return { ok: true, device, nproc };
  const message =
    device === 'cuda'
      ? `${names.nproc(nproc)} is more than the ${most} CUDA GPU${most > 1 ? 's' : ''} here (${gpuWords(d)}); use ${names.nproc(most)} or fewer`
      : device === 'mps'
        ? `${names.nproc(nproc)}: Apple MPS is one device; use ${names.nproc(1)}`
        : `${names.nproc(nproc)} is more than the ${most} CPU cores here; use ${names.nproc(most)} or fewer`;
  return { ok: false, field: 'nproc', message };
}
