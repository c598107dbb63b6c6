/**
 * Weight layouts between ONNX (PyTorch's: Conv `[O, I, kh, kw]`, Gemm `[out, in]`, NCHW flatten
 * order) and the design (tfjs's channels-last: Conv `[kh, kw, I, O]`, Dense `[in, out]`, H·W·C
 * flatten order). Each function is the exact inverse of its partner.
 */
import type { WeightTensor } from '../../weights/index.ts';

/** ONNX conv weight `[O, I, kh, kw]` → design kernel `[kh, kw, I, O]`. */
export function oihwToHwio(data: Float32Array, [o, i, kh, kw]: readonly number[]): WeightTensor {
  const out = new Float32Array(data.length);
  for (let a = 0; a < o!; a++)
    for (let b = 0; b < i!; b++)
      for (let y = 0; y < kh!; y++)
        for (let x = 0; x < kw!; x++)
          out[((y * kw! + x) * i! + b) * o! + a] = data[((a * i! + b) * kh! + y) * kw! + x]!;
  return { shape: [kh!, kw!, i!, o!], data: out };
}

/** Design kernel `[kh, kw, I, O]` → ONNX conv weight `[O, I, kh, kw]`. */
export function hwioToOihw(data: Float32Array, [kh, kw, i, o]: readonly number[]): WeightTensor {
  const out = new Float32Array(data.length);
  for (let a = 0; a < o!; a++)
    for (let b = 0; b < i!; b++)
      for (let y = 0; y < kh!; y++)
        for (let x = 0; x < kw!; x++)
          out[((a * i! + b) * kh! + y) * kw! + x] = data[((y * kw! + x) * i! + b) * o! + a]!;
  return { shape: [o!, i!, kh!, kw!], data: out };
}

/** Transposes a row-major `[r, c]` matrix to `[c, r]`. */
export function transpose2d(data: Float32Array, [r, c]: readonly number[]): WeightTensor {
  const rows = r!;
  const cols = c!;
  const out = new Float32Array(data.length);
  // In tiles, so both sides stay in cache (a classifier's 4096×25088 matrix is 400 MB).
  const T = 64;
  for (let y0 = 0; y0 < rows; y0 += T)
    for (let x0 = 0; x0 < cols; x0 += T) {
      const y1 = Math.min(y0 + T, rows);
      const x1 = Math.min(x0 + T, cols);
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) out[x * rows + y] = data[y * cols + x]!;
    }
  return { shape: [cols, rows], data: out };
}

/**
 * Reorders the rows of a Dense kernel `[C·H·W, units]` that read an NCHW flatten so they read the
 * design's H·W·C flatten instead.
 */
export function chwRowsToHwc(
  kernel: WeightTensor,
  [c, h, w]: readonly [number, number, number],
): WeightTensor {
  const units = kernel.shape[1]!;
  const out = new Float32Array(kernel.data.length);
  for (let ch = 0; ch < c; ch++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const from = (ch * h + y) * w + x;
        const to = (y * w + x) * c + ch;
        out.set(kernel.data.subarray(from * units, (from + 1) * units), to * units);
      }
  return { shape: kernel.shape, data: out };
}
