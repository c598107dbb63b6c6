/**
 * Activating the tfjs WebAssembly backend in Node / Electron with our training kernels.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { registerWasmConvGradients } from '../wasm/registerWasmConvGradients.ts';
import type { Tf } from './tf.ts';

/**
 * The folder holding `tfjs-backend-wasm*.wasm`, with a trailing separator. In Node the wasm backend
 * reads the binary with `fs`, so a plain file path works (no `file://` URL); Node picks the
 * single-threaded SIMD binary (tfjs disables wasm threads under Node, tfjs issue 3830).
 */
function wasmBinaryDir(): string {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  return path.dirname(file) + path.sep;
}

/**
 * Makes `wasm` the active backend of `tf`, with our `Conv2DBackpropFilter` kernel registered.
 *
 * @returns null on success, else why the backend could not start (binary missing, no WebAssembly).
 */
export async function activateWasm(tf: Tf): Promise<string | null> {
  try {
    // The package registers the `wasm` backend factory on import; setWasmPaths must come before
    // the backend initialises (the first setBackend('wasm')).
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // (Calling it again later is harmless; it only records where to fetch from.)
    wasm.setWasmPaths(wasmBinaryDir());
    registerWasmConvGradients(tf);
    if (!(await tf.setBackend('wasm'))) return 'the WebAssembly backend failed to initialise';
    return null;
  } catch (err) {
    return `the WebAssembly backend failed to load: ${err instanceof Error ? err.message : String(err)}`;
  }
}
