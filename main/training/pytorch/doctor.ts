/** The PyTorch engine's part of `netd doctor`: which Python, which torch, which devices, what to do. */
import { fmtBytes } from '../../network/catalog/format.ts';
import type { EngineReport } from '../types.ts';
import { chooseEngine, type EngineDecision } from './chooseEngine.ts';
import {
  probeTorch,
  probeTorchAsync,
  torchDevices,
  torchGpuHint,
  torchInstallHint,
  type TorchProbe,
} from './python.ts';

export interface TorchDoctorReport {
  probe: TorchProbe;
  /** What `--engine auto` picks here, and why. */
  auto: EngineDecision;
  /** What to install or set when PyTorch cannot be used (absent when it can). */
  remedy?: string;
}

/** Probes the engine (runs Python once). */
export function diagnoseTorch(): TorchDoctorReport {
  return reportOn(probeTorch());
}

/**
 * {@link diagnoseTorch} without blocking the caller: the Python probes run as child processes
 * (all candidates at once) while the caller goes on, e.g. loading the TensorFlow.js backends.
 */
export async function diagnoseTorchAsync(): Promise<TorchDoctorReport> {
  return reportOn(await probeTorchAsync());
}

function reportOn(probe: TorchProbe): TorchDoctorReport {
  const auto = chooseEngine('auto', () => probe);
  return probe.unusable
    ? {
        probe,
        auto,
        remedy: `${torchInstallHint()}; or point NETD_PYTHON at a Python that has torch`,
      }
    : { probe, auto };
}

/** The devices torch sees, in words (`cuda:0 NVIDIA H100, 80 GB`, `mps Apple GPU`). */
function deviceLines(p: TorchProbe): string[] {
  const gpus = (p.cuda ?? []).map((d, i) => `cuda:${i} ${d.name}, ${fmtBytes(d.memoryBytes)}`);
  if (p.mps) gpus.push('mps Apple GPU');
  return gpus;
}

/** The report as the environment report's `engine` part (what the dashboard shows). */
export function engineReport(r: TorchDoctorReport): EngineReport {
  const p = r.probe;
  const py = p.pythonVersion ? `${p.python} (Python ${p.pythonVersion})` : p.python;
  return {
    auto: { engine: r.auto.engine, reason: r.auto.reason },
    pytorch: p.unusable
      ? { available: false, reason: p.unusable, remedy: r.remedy, devices: [] }
      : {
          available: true,
          reason: `torch ${p.torch} in ${py}`,
          devices: deviceLines(p),
          hardware: torchDevices(p),
        },
  };
}

/** The report as the lines `netd doctor` prints. */
export function formatTorchReport(r: TorchDoctorReport): string {
  const p = r.probe;
  const lines = ['', 'PyTorch engine (netd train --engine pytorch)'];
  const py = p.pythonVersion ? `${p.python} (Python ${p.pythonVersion})` : p.python;
  if (p.unusable) {
    lines.push(`  ✗ ${p.unusable}`, `      fix: ${r.remedy ?? torchInstallHint()}`);
  } else {
    const build = p.rocmVersion
      ? `ROCm ${p.rocmVersion}`
      : p.cudaVersion
        ? `CUDA ${p.cudaVersion}`
        : 'CPU-only build';
    lines.push(`  ✓ torch ${p.torch} in ${py} — ${build}, ${p.threads ?? '?'} CPU threads`);
    const gpus = deviceLines(p);
    lines.push(
      `    devices: ${gpus.length ? gpus.join('; ') : 'CPU only (no CUDA, ROCm or MPS device visible to torch)'}`,
    );
    if (gpus.length === 0 && !p.cudaVersion && !p.rocmVersion)
      lines.push(`    for a GPU: ${torchGpuHint()}`);
  }
  lines.push(`  --engine auto uses: ${r.auto.reason}`);
  return lines.join('\n');
}
