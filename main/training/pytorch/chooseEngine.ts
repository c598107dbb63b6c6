/**
 * `--engine auto|pytorch|tfjs`: which engine trains, and why — always said, as backends are.
 * `auto` takes PyTorch when it is usable and a GPU (CUDA, ROCm, MPS) or a faster CPU path than
 * TensorFlow.js's is there (PyTorch's CPU kernels beat wasm several times; native TensorFlow is on
 * par with them), else TensorFlow.js.
 */
import { createRequire } from 'node:module';
import type { EngineName } from '../types.ts';
import type { DeviceName, EngineChoice } from '../vocabulary.ts';
import { probeTorch, torchInstallHint, type TorchProbe } from './python.ts';

export interface EngineDecision {
  engine: EngineName;
  /** One sentence: the engine and why (and why not the other). */
  reason: string;
}

/** Thrown when `--engine pytorch` cannot run here; the message says what to install. */
export class EngineError extends Error {
  override name = 'EngineError';
}

function nativeTensorflowInstalled(): boolean {
  const require = createRequire(import.meta.url);
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      require.resolve(pkg);
      return true;
    } catch {
      // not installed
    }
  }
  return false;
}

/** The engine part of a request: `--engine`, and the PyTorch engine's `--device` / `--nproc`. */
export interface EngineRequest {
  engine?: EngineChoice;
  device?: DeviceName;
  nproc?: number;
}

/**
 * Why the engine settings contradict each other (a PyTorch device with tfjs, a tfjs backend with
 * PyTorch), or null. Pure: no probe, so the service can refuse at Start.
 */
export function engineConflict(
  e: EngineRequest & { options?: { backend?: string | undefined } },
): string | null {
  const torchOnly = e.device !== undefined || (e.nproc ?? 1) > 1;
  if (e.engine === 'tfjs' && torchOnly)
    return '--device and --nproc belong to the PyTorch engine; drop them or use --engine pytorch';
  if (e.engine === 'pytorch' && e.options?.backend)
    return `--backend ${e.options.backend} is a TensorFlow.js backend; with --engine pytorch use --device`;
  return null;
}

/** The GPU PyTorch sees, in words, or null. */
export function torchGpu(p: TorchProbe): string | null {
  if (p.cuda && p.cuda.length > 0) {
    const kind = p.rocmVersion ? 'ROCm' : 'CUDA';
    return `${kind} ${p.cuda.map((d) => d.name).join(', ')}`;
  }
  return p.mps ? 'Apple MPS' : null;
}

/**
 * Decides the engine.
 * @throws EngineError when `pytorch` is asked for and cannot run (no Python, no torch, too old).
 */
export function chooseEngine(
  choice: EngineChoice,
  probe: () => TorchProbe = probeTorch,
): EngineDecision {
  if (choice === 'tfjs')
    return { engine: 'tfjs', reason: 'TensorFlow.js, as asked (--engine tfjs)' };
  const p = probe();
  if (choice === 'pytorch') {
    if (p.unusable)
      throw new EngineError(
        `--engine pytorch: ${p.unusable} — ${torchInstallHint()}, or set NETD_PYTHON`,
      );
    return { engine: 'pytorch', reason: `PyTorch ${p.torch} (${p.python}), as asked` };
  }
  if (p.unusable) {
    return { engine: 'tfjs', reason: `TensorFlow.js: PyTorch is not usable (${p.unusable})` };
  }
  const gpu = torchGpu(p);
  if (gpu) return { engine: 'pytorch', reason: `PyTorch ${p.torch}: it sees a GPU (${gpu})` };
  if (nativeTensorflowInstalled()) {
    return {
      engine: 'tfjs',
      reason: `TensorFlow.js: no GPU for PyTorch ${p.torch}, and native TensorFlow is as fast on the CPU`,
    };
  }
  return {
    engine: 'pytorch',
    reason: `PyTorch ${p.torch} on the CPU: several times faster than TensorFlow.js's WebAssembly backend`,
  };
}
