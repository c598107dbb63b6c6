/**
 * A `Conv2DBackpropFilter` kernel for the tfjs wasm backend, which ships without one (tfjs issue
 * 8474): without it no convolution can be trained on wasm, and training falls back to the pure-JS
 * `cpu` backend, roughly 80× slower.
 *
 * The filter gradient is itself a convolution. With `xp` the input padded as the forward pass padded
 * it, `dW[i,j,c,o] = Σ_{b,y,x} xp[b, y·sh + i, x·sw + j, c] · dy[b, y, x, o]`. Reading the batch as
 * channels and the input channels as the batch turns that into one forward convolution that
 * XNNPACK runs fast:
 *
 *   input  = transpose(x,  [3,1,2,0])   → [Cin, H, W, B]
 *   filter = transpose(dy, [1,2,0,3])   → [H', W', B, Cout]
 *   out    = conv2d(input, filter, stride 1, dilation = forward stride, the forward padding)
 *            → [Cin, ≥kh, ≥kw, Cout]; crop to [Cin, kh, kw, Cout]; transpose [1,2,0,3].
 *
 * Everything runs through the wasm backend's own kernels (no tensors, no tape), and every
 * intermediate is released before returning.
 */
import type {
  Conv2DBackpropFilterAttrs,
  KernelBackend,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import { explicitConv2DAttrs, kernelCaller } from './kernelCall.ts';

/**
 * Builds the kernel config; `tf` must be the namespace whose engine owns the wasm backend.
 *
 * @throws Error for `NCHW` input (the wasm backend is channels-last only, like its forward Conv2D).
 */
export function conv2dBackpropFilterConfig(tf: Tf): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
      attrs as unknown as Conv2DBackpropFilterAttrs;
    if (dataFormat === 'NCHW') {
      throw new Error("wasm Conv2DBackpropFilter supports only dataFormat 'NHWC'");
    }
    const be = backend as KernelBackend;
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const { top, bottom, left, right } = info.padInfo;
    const [kh, kw, cin, cout] = filterShape;

    const call = kernelCaller(tf, be);
    try {
      const xT = call.keep('Transpose', { x }, { perm: [3, 1, 2, 0] });
      const dyT = call.keep('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
      // 'same' may pad more at the bottom/right than any window reaches; only top/left shift the
      // windows, so the extra rows only add output rows that the crop below drops.
      const full = call.keep(
        'Conv2D',
        { x: xT, filter: dyT },
        explicitConv2DAttrs({ top, bottom, left, right }, [info.strideHeight, info.strideWidth]),
      );
      // full: [Cin, Hg, Wg, Cout] with Hg ≥ kh, Wg ≥ kw (input rows past the last window).
      const cropped =
        full.shape[1] === kh && full.shape[2] === kw
          ? full
          : call.keep('Slice', { x: full }, { begin: [0, 0, 0, 0], size: [cin, kh, kw, cout] });
      return call.run('Transpose', { x: cropped }, { perm: [1, 2, 0, 3] });
    } finally {
      call.release();
    }
  };
  return { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc };
}
