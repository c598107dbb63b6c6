/**
 * The two references the ONNX tests compare against: onnxruntime (the ONNX reference runtime) and
 * the app's own tfjs engine, plus the ONNX checker from Python's `onnx` package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { initBackend } from '../../../training/backend/initBackend.ts';
import type { Tf } from '../../../training/backend/tf.ts';
import { compileModel } from '../../../training/compile/compileModel.ts';
import type { NetworkDoc } from '../../../network/types.ts';
import { loadWeightsIntoModel, type Weights } from '../../../weights/index.ts';

export const PYTHON = '/usr/bin/python3';

function pythonHas(module: string): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** Whether `onnx` (the checker) and torch + torchvision import in Debian's Python. */
export const HAS_ONNX_PY = pythonHas('onnx');
export const HAS_TORCH = pythonHas('torch, torchvision, onnx');

/** Runs `onnx.checker.check_model` (full check); returns its error text, or '' when valid. */
export function onnxCheck(path: string): string {
  const r = spawnSync(
    PYTHON,
    [
      '-c',
      'import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)',
      path,
    ],
    { encoding: 'utf8' },
  );
  return r.status === 0 ? '' : (r.stderr.trim().split('\n').slice(-1)[0] ?? 'failed');
}

/** Runs an ONNX model (file or bytes) in onnxruntime on one N×C×H×W input; returns the output. */
export async function runOrt(
  model: string | Uint8Array,
  input: Float32Array,
  dims: number[],
): Promise<Float32Array> {
  const session =
    typeof model === 'string'
      ? await ort.InferenceSession.create(model)
      : await ort.InferenceSession.create(model);
  const out = await session.run({
    [session.inputNames[0]!]: new ort.Tensor('float32', input, dims),
  });
  const data = out[session.outputNames[0]!]!.data as Float32Array;
  await session.release();
  return Float32Array.from(data);
}

/** NCHW → NHWC for a batch of `[c, h, w]` images. */
export function nchwToNhwc(x: Float32Array, [n, c, h, w]: readonly number[]): Float32Array {
  const out = new Float32Array(x.length);
  for (let b = 0; b < n!; b++)
    for (let ch = 0; ch < c!; ch++)
      for (let y = 0; y < h!; y++)
        for (let z = 0; z < w!; z++)
          out[((b * h! + y) * w! + z) * c! + ch] = x[((b * c! + ch) * h! + y) * w! + z]!;
  return out;
}

let tfPromise: Promise<Tf> | undefined;

/** The app's engine on the CPU (wasm backend), its output for an N×H×W×C input. */
export async function runTfjs(
  doc: NetworkDoc,
  weights: Weights,
  nhwc: Float32Array,
  dims: number[],
): Promise<Float32Array> {
  tfPromise ??= initBackend('wasm').then((c) => c.tf);
  const tf = await tfPromise;
  const compiled = compileModel(tf, doc);
  loadWeightsIntoModel(tf, compiled, doc, weights);
  const x = tf.tensor(nhwc, dims);
  const y = compiled.model.predict(x) as ReturnType<Tf['tensor']>;
  const data = Float32Array.from(await y.data());
  tf.dispose([x, y]);
  compiled.model.dispose();
  return data;
}

/** Largest absolute difference of two equally long arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

/** A deterministic input in [-1, 1). */
export function randomInput(n: number, seed = 1): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}
