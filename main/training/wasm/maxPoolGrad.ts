/**
 * A correct `MaxPoolGrad` for the tfjs 4.22 wasm backend. Its own kernel drops or misroutes the gradient of
 * every window whose maximum is ≤ 0 (found here: a 2×2 window of −1, −2, 0, 0 passes no gradient
 * at all; the cpu reference routes it to the first 0), so any max pool after BatchNorm, tanh or a
 * linear layer trains wrongly on wasm. This one routes each output's gradient to the first maximum
 * of its window, as the cpu backend and TensorFlow do.
 *
 * It runs in JavaScript on copies of the wasm heap: O(batch·H'·W'·C·kh·kw) comparisons, a few
 * milliseconds per step for CIFAR-sized nets, small next to the convolutions.
 */
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import type { HeapBackend } from './kernelCall.ts';

interface MaxPoolGradAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The kernel config; `tf` supplies `backend_util` of the engine that owns the wasm backend. */
export function maxPoolGradConfig(tf: Tf): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
    const be = backend as KernelBackend & HeapBackend;
    const info = tf.backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      filterSize,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const {
      batchSize: B,
      inHeight: H,
      inWidth: W,
      inChannels: C,
      outHeight: Ho,
      outWidth: Wo,
    } = info;
    const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
    const { top, left } = info.padInfo;
    // MaxPool is float32-only; readSync copies out of the wasm heap.
    const x = be.readSync(input.dataId) as Float32Array;
    const g = be.readSync(dy.dataId) as Float32Array;
    const dx = new Float32Array(B * H * W * C);
    const best = new Float32Array(C);
    const arg = new Int32Array(C);
    for (let b = 0; b < B; b++) {
      for (let oy = 0; oy < Ho; oy++) {
        const y0 = oy * sh - top;
        for (let ox = 0; ox < Wo; ox++) {
          const x0 = ox * sw - left;
          best.fill(-Infinity);
          arg.fill(-1);
          for (let wy = Math.max(0, -y0); wy < fh && y0 + wy < H; wy++) {
            for (let wx = Math.max(0, -x0); wx < fw && x0 + wx < W; wx++) {
              const base = ((b * H + y0 + wy) * W + x0 + wx) * C;
              for (let c = 0; c < C; c++) {
                const v = x[base + c]!;
                // Strict '>' keeps the first maximum; a window of only −∞ keeps arg −1 and passes
                // nothing (it cannot occur with valid padding).
                if (v > best[c]!) {
                  best[c] = v;
                  arg[c] = base + c;
                }
              }
            }
          }
          const out = ((b * Ho + oy) * Wo + ox) * C;
          for (let c = 0; c < C; c++) {
            const at = arg[c]!;
            if (at >= 0) dx[at] = dx[at]! + g[out + c]!;
          }
        }
      }
    }
    return be.makeOutput([...input.shape], 'float32', undefined, dx);
  };
  return { kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc };
}
