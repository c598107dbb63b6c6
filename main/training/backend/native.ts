/**
 * Loading the optional native TensorFlow packages (`@tensorflow/tfjs-node-gpu`,
 * `@tensorflow/tfjs-node`) and turning their load failures into a reason and a remedy a user can act
 * on. They download a native libtensorflow at install time, so "installed" is not "loadable".
 */
import { createRequire } from 'node:module';
import util from 'node:util';
import type { BackendName } from '../types.ts';
import type { Tf } from './tf.ts';

export type NativeBackend = Extract<BackendName, 'tensorflow-gpu' | 'tensorflow'>;

export const NATIVE_PACKAGES: Record<NativeBackend, string> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
};

export const NATIVE_REMEDIES: Record<NativeBackend, string> = {
  'tensorflow-gpu':
    'npm install @tensorflow/tfjs-node-gpu@4.22.0 — needs an NVIDIA GPU with CUDA 11.2 and cuDNN 8.1 on Linux x64 (Windows x64 also works)',
  tensorflow:
    'npm install @tensorflow/tfjs-node@4.22.0 — downloads the native TensorFlow library (Linux x64/arm64, macOS, Windows x64)',
};

export type NativeLoad =
  | { ok: true; tf: Tf; usingGpu: boolean | null }
  | {
      ok: false;
      installed: boolean;
      reason: string;
      remedy: string;
      missingLibrary: string | null;
    };

/**
 * tfjs-node 4.22 calls `util.isNullOrUndefined` (and a few siblings) which Node ≥ 23 — and so
 * recent Electron — removed; loading it there throws "util.isNullOrUndefined is not a function".
 * Put back any that are missing, before the package is required.
 */
export function polyfillNodeUtil(): void {
  const u = util as unknown as Record<string, unknown>;
  const shims: Record<string, (v: unknown) => boolean> = {
    isNullOrUndefined: (v) => v === null || v === undefined,
    isNull: (v) => v === null,
    isUndefined: (v) => v === undefined,
    isArray: (v) => Array.isArray(v),
    isString: (v) => typeof v === 'string',
    isNumber: (v) => typeof v === 'number',
    isBoolean: (v) => typeof v === 'boolean',
    isFunction: (v) => typeof v === 'function',
    isObject: (v) => v !== null && typeof v === 'object',
    isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  };
  for (const [name, fn] of Object.entries(shims)) {
    if (typeof u[name] !== 'function') u[name] = fn;
  }
}

/** The shared library named in a dlopen / LoadLibrary error, e.g. `libcudnn.so.8`. */
export function missingLibraryFromError(message: string): string | null {
  const so = /(lib[\w.+-]*?\.so(?:\.\d+)*)\s*:\s*cannot open shared object/i.exec(message);
  if (so) return so[1] ?? null;
  const anySo =
    /(lib(?:cud\w*|cublas\w*|cufft\w*|curand\w*|cusolver\w*|cusparse\w*|nvinfer\w*|tensorflow\w*)\.so(?:\.\d+)*)/i.exec(
      message,
    );
  if (anySo) return anySo[1] ?? null;
  const dll = /([\w-]+\.dll)/i.exec(message);
  if (dll) return dll[1] ?? null;
  const dylib = /(lib[\w.+-]+\.dylib)/i.exec(message);
  return dylib ? (dylib[1] ?? null) : null;
}

function isNotInstalled(err: unknown, pkg: string): boolean {
  const e = err as { code?: string; message?: string };
  return (
    (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND') &&
    typeof e.message === 'string' &&
    e.message.includes(`'${pkg}'`)
  );
}

/** Explains a failed load of `pkg` that is installed. */
export function explainLoadError(
  kind: NativeBackend,
  message: string,
): { reason: string; remedy: string; lib: string | null } {
  const pkg = NATIVE_PACKAGES[kind];
  const lib = missingLibraryFromError(message);
  if (/tfjs_binding\.node|native addon module/i.test(message)) {
    return {
      reason: `${pkg} is installed but its native library was never downloaded (its install script failed or was skipped)`,
      remedy: `npm rebuild ${pkg} (with network access; scripts must be allowed)`,
      lib,
    };
  }
  if (lib && /cud|cublas|cufft|curand|cusolver|cusparse|nvinfer/i.test(lib)) {
    const what = /cudnn/i.test(lib) ? 'cuDNN 8.1' : 'CUDA 11.2';
    return {
      reason: `${pkg} is installed but the ${what} library ${lib} is missing`,
      remedy: `install ${what} so that ${lib} is on the library path (ldconfig / LD_LIBRARY_PATH), or use @tensorflow/tfjs-node for CPU`,
      lib,
    };
  }
  if (lib) {
    return {
      reason: `${pkg} is installed but ${lib} could not be loaded`,
      remedy: `npm rebuild ${pkg}`,
      lib,
    };
  }
  if (/isNullOrUndefined/.test(message)) {
    return {
      reason: `${pkg} does not support this Node.js version (${process.version})`,
      remedy: 'use Node.js 20 or 22',
      lib,
    };
  }
  const firstLine = message.split('\n')[0] ?? message;
  return {
    reason: `${pkg} is installed but failed to load: ${firstLine}`,
    remedy: `npm rebuild ${pkg}`,
    lib,
  };
}

/** Whether the loaded tfjs-node backend actually placed work on a GPU, when it can tell. */
function gpuInUse(tf: Tf): boolean | null {
  const backend = tf.findBackend('tensorflow') as unknown as { isUsingGpuDevice?: unknown } | null;
  return typeof backend?.isUsingGpuDevice === 'boolean' ? backend.isUsingGpuDevice : null;
}

function notInstalled(kind: NativeBackend): NativeLoad {
  return {
    ok: false,
    installed: false,
    reason: `${NATIVE_PACKAGES[kind]} is not installed`,
    remedy: NATIVE_REMEDIES[kind],
    missingLibrary: null,
  };
}

/**
 * Requires a native package and activates its `tensorflow` backend. Never throws: a failure comes
 * back as a reason and a remedy. Once one native package has loaded, the other must not be tried in
 * the same process (both register the backend name `tensorflow`).
 */
export async function loadNative(kind: NativeBackend): Promise<NativeLoad> {
  const pkg = NATIVE_PACKAGES[kind];
  const require = createRequire(import.meta.url);
  try {
    require.resolve(pkg);
  } catch {
    return notInstalled(kind);
  }
  try {
    polyfillNodeUtil();
    const tf = require(pkg) as Tf;
    if (!(await tf.setBackend('tensorflow')))
      throw new Error(`${pkg} loaded but its backend did not initialise`);
    return { ok: true, tf, usingGpu: kind === 'tensorflow-gpu' ? gpuInUse(tf) : false };
  } catch (err) {
    if (isNotInstalled(err, pkg)) {
      return notInstalled(kind);
    }
    const message = err instanceof Error ? err.message : String(err);
    const { reason, remedy, lib } = explainLoadError(kind, message);
    return { ok: false, installed: true, reason, remedy, missingLibrary: lib };
  }
}
