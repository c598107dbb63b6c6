/**
 * A fast `Conv2DBackpropInput` for the tfjs wasm backend. The stock kernel is a plain C++ loop; on
 * the small CIFAR net it took half of every training step. The input gradient is a transposed
 * convolution, which is an ordinary convolution that XNNPACK runs fast:
 *
 *   dyUp   = dy with (stride − 1) zeros between its rows and columns   → [B, (H'−1)s+1, …, Cout]
 *   filter = W rotated 180° with in/out channels swapped               → [kh, kw, Cout, Cin]
 *   dx     = conv2d(dyUp, filter, stride 1, padding top = kh−1−padTop, bottom = what makes H)
 *
 * The zero insertion uses only 4-D Reshape/PadV2/Slice. Cases it cannot express as padding (a
 * forward padding wider than the kernel) go to the stock kernel, which is kept as the fallback.
 */
import type {
  Conv2DBackpropInputAttrs,
  KernelBackend,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import { explicitConv2DAttrs, kernelCaller } from './kernelCall.ts';

/**
 * The kernel config. `fallback` is the kernel it replaces (used for NCHW and exotic paddings).
 *
 * @throws Error only when a case needs the fallback and there is none.
 */
export function conv2dBackpropInputConfig(tf: Tf, fallback: KernelFunc | undefined): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
      attrs as unknown as Conv2DBackpropInputAttrs;
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const [B, H, W] = inputShape;
    const [kh, kw, cin, cout] = filter.shape as [number, number, number, number];
    const { strideHeight: sh, strideWidth: sw, outHeight: ho, outWidth: wo } = info;
    const { top, left } = info.padInfo;
    const upH = (ho - 1) * sh + 1;
    const upW = (wo - 1) * sw + 1;
    const padTop = kh - 1 - top;
    const padLeft = kw - 1 - left;
    const padBottom = H + kh - 1 - upH - padTop;
    const padRight = W + kw - 1 - upW - padLeft;
    if (dataFormat === 'NCHW' || Math.min(padTop, padLeft, padBottom, padRight) < 0) {
      if (!fallback)
        throw new Error('wasm Conv2DBackpropInput: unsupported padding and no fallback kernel');
      return fallback(args);
    }
    const call = kernelCaller(tf, backend as KernelBackend);
    try {
      let up = dy;
      if (sh > 1) {
        // [B, H', W'·C] → pad a (s−1)-row gap after every row → [B, H'·s, W', C] → drop the last gap.
        const rows = call.keep('Reshape', { x: up }, { shape: [B, ho, 1, wo * cout] });
        const gapped = call.keep(
          'PadV2',
          { x: rows },
          {
            paddings: [
              [0, 0],
              [0, 0],
              [0, sh - 1],
              [0, 0],
            ],
            constantValue: 0,
          },
        );
        const tall = call.keep('Reshape', { x: gapped }, { shape: [B, ho * sh, wo, cout] });
        up = call.keep('Slice', { x: tall }, { begin: [0, 0, 0, 0], size: [B, upH, wo, cout] });
      }
      if (sw > 1) {
        const cols = call.keep('Reshape', { x: up }, { shape: [B * upH, wo, 1, cout] });
        const gapped = call.keep(
          'PadV2',
          { x: cols },
          {
            paddings: [
              [0, 0],
              [0, 0],
              [0, sw - 1],
              [0, 0],
            ],
            constantValue: 0,
          },
        );
        const wide = call.keep('Reshape', { x: gapped }, { shape: [B, upH, wo * sw, cout] });
        up = call.keep('Slice', { x: wide }, { begin: [0, 0, 0, 0], size: [B, upH, upW, cout] });
      }
      const flipped = call.keep('Reverse', { x: filter }, { dims: [0, 1] });
      const swapped = call.keep('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] });
      const dx = call.run(
        'Conv2D',
        { x: up, filter: swapped },
        explicitConv2DAttrs(
          { top: padTop, bottom: padBottom, left: padLeft, right: padRight },
          [1, 1],
        ),
      );
      if (dx.shape[3] !== cin) throw new Error('wasm Conv2DBackpropInput: channel mismatch');
      return dx;
    } finally {
      call.release();
    }
  };
  return { kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc };
}
