/**
 * Fills the gaps that keep the tfjs 4.22 wasm backend from training a convolutional network.
 *
 * What a conv net built by `compileModel` needs in backprop, checked against the wasm kernel list:
 * - `Conv2DBackpropFilter` — missing (tfjs issue 8474) → registered here ({@link conv2dBackpropFilterConfig}).
 * - `MaxPoolGrad` — present but wrong: it drops or misroutes the gradient of windows whose maximum
 *   is ≤ 0 →
 *   replaced here ({@link maxPoolGradConfig}).
 * - `Conv2DBackpropInput` — present but a plain loop, half of a CIFAR training step → replaced by
 *   a transposed convolution on XNNPACK ({@link conv2dBackpropInputConfig}).
 * - `Tile` — present but slow (a quarter of a step, from the BatchNorm gradient) → replaced by a
 *   block copy ({@link tileConfig}).
 * - `AvgPoolGrad`, `LRNGrad`, `EluGrad`, `Transpose`, `PadV2`, `Slice` and
 *   the element-wise kernels behind the BatchNorm, softmax and GELU gradients — present, and
 *   checked against the cpu backend by this folder's tests.
 * - `DepthwiseConv2dNativeBackpropFilter/Input` are missing too, but no NetDesigner layer uses a
 *   depthwise convolution, so they are not registered.
 */
import type { Tf } from '../backend/tf.ts';
import type { KernelConfig, KernelFunc } from '../backend/tfjs.ts';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter.ts';
import { conv2dBackpropInputConfig } from './conv2dBackpropInput.ts';
import { maxPoolGradConfig } from './maxPoolGrad.ts';
import { tileConfig } from './tile.ts';

/** Kernels that must exist on a backend before a conv net can be trained on it. */
export const TRAINING_KERNELS = [
  'Conv2D',
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'MaxPoolGrad',
  'AvgPoolGrad',
  'LRNGrad',
  'EluGrad',
  'PadV2',
  'Slice',
  'Transpose',
  'Softmax',
  'Erf',
] as const;

/** Kernel functions installed by us, so a second call does not install them again. */
const ours = new WeakSet<KernelFunc>();

/** Installs `make(stock)` in place of the stock kernel (if any), unless ours is already there. */
function install(
  tf: Tf,
  name: string,
  make: (stock: KernelFunc | undefined) => KernelConfig,
): void {
  const current = tf.getKernel(name, 'wasm');
  if (current && ours.has(current.kernelFunc)) return;
  const config = make(current?.kernelFunc);
  // Kernels are looked up on every op, so replacing one after the backend started is safe.
  if (current) tf.unregisterKernel(config.kernelName, config.backendName);
  ours.add(config.kernelFunc);
  // Our kernels fall back to the stock one in rare cases; its setup (binding the C++ function)
  // must still run when the backend initialises after this replacement.
  tf.registerKernel(current?.setupFunc ? { ...config, setupFunc: current.setupFunc } : config);
}

/**
 * Makes the `wasm` backend train conv nets correctly and fast: registers our `Conv2DBackpropFilter`
 * (missing), `MaxPoolGrad` (the stock one is wrong), `Conv2DBackpropInput` and `Tile` (the stock
 * ones are slow). Idempotent.
 */
export function registerWasmConvGradients(tf: Tf): void {
  install(tf, 'Conv2DBackpropFilter', () => conv2dBackpropFilterConfig(tf));
  install(tf, 'Conv2DBackpropInput', (stock) => conv2dBackpropInputConfig(tf, stock));
  install(tf, 'MaxPoolGrad', () => maxPoolGradConfig(tf));
  install(tf, 'Tile', (stock) => tileConfig(stock));
}

/** The training kernels `backendName` lacks (empty when a conv net can train on it). */
export function missingTrainingKernels(tf: Tf, backendName: string): string[] {
  return TRAINING_KERNELS.filter((name) => tf.getKernel(name, backendName) === undefined);
}
