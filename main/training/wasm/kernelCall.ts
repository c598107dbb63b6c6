/**
 * Calling other wasm kernels from inside a kernel: directly through the kernel registry (no engine,
 * no tape, no tensors), tracking the intermediates so they are released when the kernel returns.
 */
import type { DataType, KernelBackend, NamedAttrMap, TensorInfo } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';

/** The typed arrays a wasm tensor's values come in. */
export type Numeric = Float32Array | Int32Array | Uint8Array;

/** The part of the wasm backend that JavaScript kernels write outputs with (BackendWasm is not exported as a type). */
export interface HeapBackend {
  makeOutput(shape: number[], dtype: DataType, memoryOffset?: number, values?: Numeric): TensorInfo;
}

export interface KernelCaller {
  /** Runs a kernel and returns its (single) output, which the caller owns. */
  run(name: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap): TensorInfo;
  /** Runs a kernel and frees its output at {@link release}. */
  keep(name: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap): TensorInfo;
  /** Frees every output obtained with {@link keep}. */
  release(): void;
}

/** A caller for the `wasm` kernels of `tf` on `backend`. */
export function kernelCaller(tf: Tf, backend: KernelBackend): KernelCaller {
  const temps: TensorInfo[] = [];
  const run = (
    name: string,
    inputs: Record<string, TensorInfo>,
    attrs: NamedAttrMap,
  ): TensorInfo => {
    const config = tf.getKernel(name, 'wasm');
    if (!config) throw new Error(`the wasm backend has no ${name} kernel`);
    const out = config.kernelFunc({ inputs, backend, attrs });
    return Array.isArray(out) ? (out[0] as TensorInfo) : out;
  };
  return {
    run,
    keep(name, inputs, attrs) {
      const out = run(name, inputs, attrs);
      temps.push(out);
      return out;
    },
    release() {
      // Reshape shares its input's data (ref-counted), so disposing every handle once is right.
      for (const t of temps.splice(0)) backend.disposeData(t.dataId);
    },
  };
}

/**
 * Attributes of a stride-1 channels-last wasm `Conv2D` with explicit padding: the form both
 * convolution-gradient kernels reduce to.
 */
export function explicitConv2DAttrs(
  pad: { top: number; bottom: number; left: number; right: number },
  dilations: [number, number],
): NamedAttrMap {
  return {
    strides: [1, 1],
    // tfjs types `pad` as a number or a string, but its kernels accept explicit per-axis pairs.
    pad: [
      [0, 0],
      [pad.top, pad.bottom],
      [pad.left, pad.right],
      [0, 0],
    ] as unknown as number,
    dataFormat: 'NHWC',
    dilations,
    dimRoundingMode: 'floor',
  };
}
