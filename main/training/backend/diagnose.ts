/**
 * The "check environment" diagnosis behind `netd doctor` and the app's Check environment action:
 * every backend with whether it works here, why not, and what to install.
 *
 * It really loads each candidate (that is the only honest test of a native package), so it changes
 * the active tfjs backend of the process it runs in: run it in the CLI or the trainer process.
 */
import os from 'node:os';
import type { BackendName, BackendStatus, EnvironmentReport } from '../types.ts';
import { BACKEND_LABELS, BACKEND_ORDER } from './initBackend.ts';
import { loadNative, NATIVE_PACKAGES } from './native.ts';
import { explainNoGpu, listNvidiaGpus, missingCudaLibraries } from './probeSystem.ts';
import type { Tf } from './tf.ts';
import { activateWasm } from './wasm.ts';

async function gpuStatus(
  gpus: string[] | null,
  missingLibraries: Promise<string[] | null>,
): Promise<{ status: BackendStatus; loaded: boolean }> {
  const base = { name: 'tensorflow-gpu' as const, packageName: NATIVE_PACKAGES['tensorflow-gpu'] };
  if (process.platform === 'darwin') {
    return {
      status: {
        ...base,
        available: false,
        reason: 'TensorFlow has no CUDA build for macOS',
        remedy: 'use @tensorflow/tfjs-node for native CPU speed',
      },
      loaded: false,
    };
  }
  const noGpu =
    gpus === null
      ? 'no NVIDIA driver found (nvidia-smi is not available)'
      : gpus.length === 0
        ? 'nvidia-smi lists no GPU'
        : null;
  const load = await loadNative('tensorflow-gpu');
  if (load.ok) {
    if (load.usingGpu === false) {
      const why = await explainNoGpu();
      const remedy = /missing/.test(why)
        ? 'install CUDA 11.2 and cuDNN 8.1 so their libraries are on the library path'
        : 'install the NVIDIA driver for your GPU';
      return {
        status: {
          ...base,
          available: false,
          reason: `installed, but it runs on the CPU: ${why}`,
          remedy,
        },
        loaded: true,
      };
    }
    return {
      status: {
        ...base,
        available: true,
        reason: `loads; GPU: ${gpus?.join('; ') || 'CUDA device'}`,
      },
      loaded: true,
    };
  }
  const parts = [load.reason];
  if (noGpu) parts.push(`${noGpu}, so it would not help on this machine`);
  else {
    // A GPU is there: name the CUDA/cuDNN libraries the linker lacks, unless the load error did.
    const missing = await missingLibraries;
    if (missing && missing.length > 0 && !load.missingLibrary)
      parts.push(`the linker cannot find ${missing.join(', ')}`);
  }
  return {
    status: { ...base, available: false, reason: parts.join('; '), remedy: load.remedy },
    loaded: false,
  };
}

async function cpuNativeStatus(gpuPackageLoaded: boolean): Promise<BackendStatus> {
  const base = { name: 'tensorflow' as const, packageName: NATIVE_PACKAGES.tensorflow };
  if (gpuPackageLoaded) {
    // Both packages register the backend `tensorflow`; the GPU build already covers native CPU.
    return {
      ...base,
      available: true,
      reason: 'provided by @tensorflow/tfjs-node-gpu, which is loaded',
    };
  }
  const load = await loadNative('tensorflow');
  return load.ok
    ? { ...base, available: true, reason: 'loads' }
    : { ...base, available: false, reason: load.reason, remedy: load.remedy };
}

/**
 * Checks every backend of {@link BACKEND_ORDER} on this machine.
 *
 * @returns the report; `selected` is the backend `initBackend()` would pick now. Never throws.
 */
export async function diagnoseEnvironment(): Promise<EnvironmentReport> {
  // Both external tools run at once (each bounded by probeSystem's timeout); ldconfig's answer is
  // only read when a GPU is there and the GPU package does not load.
  const missingLibraries = missingCudaLibraries();
  const gpus = await listNvidiaGpus();
  const gpu = await gpuStatus(gpus, missingLibraries);
  const native = await cpuNativeStatus(gpu.loaded);
  const tf = (await import('./tfjs.ts')) as Tf;
  tf.env().set('PROD', true);
  const wasmProblem = await activateWasm(tf);
  const wasm: BackendStatus = {
    name: 'wasm',
    packageName: '@tensorflow/tfjs-backend-wasm',
    available: wasmProblem === null,
    reason:
      wasmProblem ?? 'loads, with NetDesigner’s Conv2DBackpropFilter kernel (conv nets train)',
    ...(wasmProblem
      ? { remedy: 'reinstall NetDesigner (the .wasm files are missing or unreadable)' }
      : {}),
  };
  const cpu: BackendStatus = {
    name: 'cpu',
    packageName: '@tensorflow/tfjs-backend-cpu',
    available: true,
    reason: 'always available; about 80× slower than wasm on conv nets',
  };
  const backends = [gpu.status, native, wasm, cpu];
  const selected = backends.find((b) => b.available)?.name ?? 'cpu';
  return {
    selected,
    backends,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.cpus().length,
    gpus: gpus ?? [],
  };
}

const MARK: Record<'yes' | 'no', string> = { yes: '✓', no: '✗' };

/** A plain-text rendering of a report for `netd doctor` and the app's environment dialog. */
export function formatEnvironmentReport(report: EnvironmentReport): string {
  const lines = [
    'NetDesigner training environment',
    `  Node ${report.node} · ${report.platform} · ${report.cpus} CPU core${report.cpus === 1 ? '' : 's'}`,
    `  GPUs: ${report.gpus.length > 0 ? report.gpus.join('; ') : 'none found'}`,
    `  Training will use: ${report.selected} — ${BACKEND_LABELS[report.selected]}`,
    '',
    'Backends, fastest first:',
  ];
  const width = Math.max(...BACKEND_ORDER.map((n: BackendName) => n.length));
  for (const b of report.backends) {
    lines.push(`  ${b.available ? MARK.yes : MARK.no} ${b.name.padEnd(width)}  ${b.packageName}`);
    lines.push(`      ${b.reason}`);
    if (!b.available && b.remedy) lines.push(`      fix: ${b.remedy}`);
  }
  return lines.join('\n') + '\n';
}
