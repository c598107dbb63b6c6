/**
 * Picks and activates the fastest tfjs backend this machine can run, and says why faster ones are
 * not used. Order: `tensorflow-gpu` (@tensorflow/tfjs-node-gpu, CUDA) → `tensorflow`
 * (@tensorflow/tfjs-node, native CPU) → `wasm` (with our Conv2DBackpropFilter kernel — the default
 * fallback, ~80× the pure-JS speed on conv nets) → `cpu` (pure JS, always works).
 */
import { z } from 'zod';
import type { BackendName } from '../types.ts';
import { BACKEND_NAMES } from '../vocabulary.ts';
import { loadNative, type NativeBackend } from './native.ts';
import { explainNoGpu } from './probeSystem.ts';
import type { Tf } from './tf.ts';
import { activateWasm } from './wasm.ts';

/** The backends, fastest first. */
export const BACKEND_ORDER: readonly BackendName[] = BACKEND_NAMES;

export const BACKEND_LABELS: Record<BackendName, string> = {
  'tensorflow-gpu': 'TensorFlow native on the GPU (CUDA)',
  tensorflow: 'TensorFlow native on the CPU',
  wasm: 'WebAssembly (XNNPACK, with NetDesigner’s filter-gradient kernel)',
  cpu: 'pure JavaScript on the CPU (slow)',
};

const backendNameSchema = z.enum(BACKEND_NAMES);

/** A backend request that cannot be honoured as asked; the message is for the user as is. */
export class BackendError extends Error {
  override name = 'BackendError';
}

/**
 * Reads `NETD_BACKEND`. Empty/unset → undefined.
 *
 * @throws BackendError naming the valid values when the variable holds anything else.
 */
export function backendFromEnv(env: NodeJS.ProcessEnv = process.env): BackendName | undefined {
  const raw = env['NETD_BACKEND']?.trim();
  if (!raw) return undefined;
  const parsed = backendNameSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BackendError(
      `NETD_BACKEND='${raw}' is not a backend; use one of ${BACKEND_ORDER.join(', ')}`,
    );
  }
  return parsed.data;
}

export interface BackendChoice {
  tf: Tf;
  backend: BackendName;
  note: string;
}

async function loadPureJs(): Promise<Tf> {
  return (await import('./tfjs.ts')) as Tf;
}

/**
 * `PROD` silences tfjs's console banners ("looks like you are running TensorFlow.js in Node.js…",
 * which would corrupt `netd train --json` output) and skips its debug-only checks.
 */
function quiet(tf: Tf): Tf {
  tf.env().set('PROD', true);
  return tf;
}

/**
 * Activates the best available backend, starting the search at `preferred` (else `NETD_BACKEND`,
 * else the top of {@link BACKEND_ORDER}); a preferred backend that cannot load falls through to the
 * next one and the note says so.
 *
 * @returns the tfjs namespace to use (the native package's own namespace for `tensorflow*`, so
 *   its file-system IO is available), the backend in use and a one-paragraph note for the user.
 * @throws BackendError only when `NETD_BACKEND` holds an unknown name.
 */
export async function initBackend(preferred?: BackendName): Promise<BackendChoice> {
  const requested = preferred ?? backendFromEnv();
  const candidates = BACKEND_ORDER.slice(requested ? BACKEND_ORDER.indexOf(requested) : 0);
  const skipped: string[] = [];
  for (const name of candidates) {
    if (name === 'tensorflow-gpu' || name === 'tensorflow') {
      const loaded = await loadNative(name as NativeBackend);
      if (!loaded.ok) {
        skipped.push(`${name} — ${loaded.reason}`);
        continue;
      }
      if (name === 'tensorflow-gpu' && loaded.usingGpu === false) {
        // The GPU build runs on the CPU when CUDA finds no device; say so rather than claim a GPU.
        skipped.push(
          `tensorflow-gpu — @tensorflow/tfjs-node-gpu runs on the CPU: ${await explainNoGpu()}`,
        );
        return {
          tf: quiet(loaded.tf),
          backend: 'tensorflow',
          note: describe('tensorflow', skipped, requested),
        };
      }
      return { tf: quiet(loaded.tf), backend: name, note: describe(name, skipped, requested) };
    }
    const tf = quiet(await loadPureJs());
    if (name === 'wasm') {
      const why = await activateWasm(tf);
      if (why === null) return { tf, backend: 'wasm', note: describe('wasm', skipped, requested) };
      skipped.push(`wasm — ${why}`);
      continue;
    }
    await tf.setBackend('cpu');
    return { tf, backend: 'cpu', note: describe('cpu', skipped, requested) };
  }
  // Unreachable: `cpu` is last in every candidate list and cannot fail.
  throw new Error('no tfjs backend could be started');
}

function describe(
  used: BackendName,
  skipped: string[],
  requested: BackendName | undefined,
): string {
  const parts = [`Training on ${used}: ${BACKEND_LABELS[used]}.`];
  if (requested && requested !== used)
    parts.push(`Requested ${requested}, which is not available.`);
  if (requested && BACKEND_ORDER.indexOf(requested) > 0) {
    parts.push('Faster backends were not tried because a backend was requested.');
  }
  if (skipped.length > 0) {
    parts.push(`Not used: ${skipped.join('; ')}.`);
    parts.push('Run `netd doctor` (or Check environment) to see how to get a faster backend.');
  }
  return parts.join(' ');
}
