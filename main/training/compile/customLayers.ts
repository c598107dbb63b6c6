/**
 * The three layers tfjs-layers lacks for NetDesigner's catalog, as serialisable custom layers (a
 * saved model reloads once {@link registerCustomLayers} has run in the loading process):
 *
 * - `NetdLRN` — TensorFlow's `local_response_normalization` (sum over 2r+1 channels, not averaged;
 *   PyTorch's `LocalResponseNorm` divides alpha by the window size instead).
 * - `NetdPaddedMaxPool2D` — max pooling with explicit integer padding, padded with −∞ as PyTorch
 *   does (zero padding would let 0 beat negative activations at the border).
 * - `NetdDilatedConv2D` — dilated convolution that tfjs can differentiate: tfjs 4.22's conv2d
 *   gradient rejects dilation > 1 ("dilation rates greater than 1 are not yet supported in
 *   gradients"), so the kernel is spread out with zeros (a differentiable pad + reshape) and run
 *   as an ordinary convolution with the same effective size. It costs d² more MACs; exact.
 */
import type { LayerVariable, Tensor, Tensor4D } from '../backend/tfjs.ts';
import type { Tf } from '../backend/tf.ts';
import type { Pair } from './params.ts';

type LayerBase = Tf['layers']['Layer'];
type LayerArgs = NonNullable<ConstructorParameters<LayerBase>[0]>;
type Shape = (number | null)[];

export interface LrnConfig {
  depthRadius: number;
  bias: number;
  alpha: number;
  beta: number;
}

export interface PaddedMaxPoolConfig {
  poolSize: Pair;
  strides: Pair;
  padding: Pair;
}

export interface DilatedConvConfig {
  filters: number;
  kernelSize: Pair;
  strides: Pair;
  dilation: Pair;
  padding: 'same' | 'valid';
  useBias: boolean;
}

export interface CustomLayers {
  lrn(config: LrnConfig & LayerArgs): InstanceType<LayerBase>;
  paddedMaxPool(config: PaddedMaxPoolConfig & LayerArgs): InstanceType<LayerBase>;
  dilatedConv(config: DilatedConvConfig & LayerArgs): InstanceType<LayerBase>;
}

const first = (inputs: Tensor | Tensor[]): Tensor => (Array.isArray(inputs) ? inputs[0]! : inputs);
const firstShape = (s: Shape | Shape[]): Shape =>
  Array.isArray(s[0]) ? (s[0] as Shape) : (s as Shape);

/** Spreads a [kh,kw,cin,cout] kernel to [d(kh−1)+1, d(kw−1)+1, cin, cout] with zeros between taps. */
function dilateKernel(tf: Tf, kernel: Tensor4D, [dh, dw]: Pair): Tensor4D {
  const [kh, kw, cin, cout] = kernel.shape;
  let k: Tensor4D = kernel;
  if (dh > 1) {
    const spread = tf.pad(tf.reshape(k, [kh, 1, kw, cin, cout]), [
      [0, 0],
      [0, dh - 1],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    k = tf.slice(
      tf.reshape(spread, [kh * dh, kw, cin, cout]),
      [0, 0, 0, 0],
      [dh * (kh - 1) + 1, kw, cin, cout],
    ) as Tensor4D;
  }
  if (dw > 1) {
    const h = k.shape[0];
    const spread = tf.pad(tf.reshape(k, [h, kw, 1, cin, cout]), [
      [0, 0],
      [0, 0],
      [0, dw - 1],
      [0, 0],
      [0, 0],
    ]);
    k = tf.slice(
      tf.reshape(spread, [h, kw * dw, cin, cout]),
      [0, 0, 0, 0],
      [h, dw * (kw - 1) + 1, cin, cout],
    ) as Tensor4D;
  }
  return k;
}

const cache = new WeakMap<Tf, CustomLayers>();

/**
 * Defines (once per tfjs namespace) and registers the custom layer classes with
 * `tf.serialization`, so `tf.loadLayersModel` can rebuild a saved NetDesigner model.
 */
export function registerCustomLayers(tf: Tf): CustomLayers {
  const known = cache.get(tf);
  if (known) return known;

  class NetdLRN extends tf.layers.Layer {
    static readonly className = 'NetdLRN';
    readonly lrn: LrnConfig;
    constructor(config: LrnConfig & LayerArgs) {
      super(config);
      this.lrn = {
        depthRadius: config.depthRadius,
        bias: config.bias,
        alpha: config.alpha,
        beta: config.beta,
      };
    }
    override call(inputs: Tensor | Tensor[]): Tensor {
      return tf.tidy(() => {
        const x = first(inputs);
        const { depthRadius, bias, alpha, beta } = this.lrn;
        // tf.localResponseNormalization wants rank 3/4; a [batch, C] vector is read as 1×1×C.
        const x4 = x.rank === 2 ? tf.reshape(x, [-1, 1, 1, x.shape[1]!]) : x;
        const y = tf.localResponseNormalization(x4 as Tensor4D, depthRadius, bias, alpha, beta);
        return x.rank === 2 ? tf.reshape(y, x.shape) : y;
      });
    }
    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      return firstShape(inputShape);
    }
    override getConfig() {
      return { ...super.getConfig(), ...this.lrn };
    }
  }

  class NetdPaddedMaxPool2D extends tf.layers.Layer {
    static readonly className = 'NetdPaddedMaxPool2D';
    readonly pool: PaddedMaxPoolConfig;
    constructor(config: PaddedMaxPoolConfig & LayerArgs) {
      super(config);
      this.pool = { poolSize: config.poolSize, strides: config.strides, padding: config.padding };
    }
    override call(inputs: Tensor | Tensor[]): Tensor {
      return tf.tidy(() => {
        const [ph, pw] = this.pool.padding;
        const x = first(inputs) as Tensor4D;
        const padded = tf.pad(
          x,
          [
            [0, 0],
            [ph, ph],
            [pw, pw],
            [0, 0],
          ],
          -Infinity,
        );
        return tf.maxPool(padded, this.pool.poolSize, this.pool.strides, 'valid');
      });
    }
    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      const [b, h, w, c] = firstShape(inputShape);
      const out = (size: number | null | undefined, axis: 0 | 1) =>
        size == null
          ? null
          : Math.floor(
              (size + 2 * this.pool.padding[axis] - this.pool.poolSize[axis]) /
                this.pool.strides[axis],
            ) + 1;
      return [b ?? null, out(h, 0), out(w, 1), c ?? null];
    }
    override getConfig() {
      return { ...super.getConfig(), ...this.pool };
    }
  }

  class NetdDilatedConv2D extends tf.layers.Layer {
    static readonly className = 'NetdDilatedConv2D';
    readonly conv: DilatedConvConfig;
    private kernel: LayerVariable | null = null;
    private bias: LayerVariable | null = null;
    constructor(config: DilatedConvConfig & LayerArgs) {
      super(config);
      const { filters, kernelSize, strides, dilation, padding, useBias } = config;
      this.conv = { filters, kernelSize, strides, dilation, padding, useBias };
    }
    override build(inputShape: Shape | Shape[]): void {
      const cin = firstShape(inputShape)[3];
      if (cin == null)
        throw new Error(`${this.name}: the channel count of the input must be known`);
      const [kh, kw] = this.conv.kernelSize;
      this.kernel = this.addWeight(
        'kernel',
        [kh, kw, cin, this.conv.filters],
        'float32',
        tf.initializers.glorotUniform({}),
      );
      if (this.conv.useBias)
        this.bias = this.addWeight('bias', [this.conv.filters], 'float32', tf.initializers.zeros());
      this.built = true;
    }
    override call(inputs: Tensor | Tensor[]): Tensor {
      return tf.tidy(() => {
        const x = first(inputs) as Tensor4D;
        const k = dilateKernel(tf, this.kernel!.read() as Tensor4D, this.conv.dilation);
        const y = tf.conv2d(x, k, this.conv.strides, this.conv.padding);
        return this.bias ? tf.add(y, this.bias.read()) : y;
      });
    }
    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      const [b, h, w] = firstShape(inputShape);
      const { kernelSize, strides, dilation, padding, filters } = this.conv;
      const out = (size: number | null | undefined, axis: 0 | 1) => {
        if (size == null) return null;
        if (padding === 'same') return Math.ceil(size / strides[axis]);
        return Math.floor((size - dilation[axis] * (kernelSize[axis] - 1) - 1) / strides[axis]) + 1;
      };
      return [b ?? null, out(h, 0), out(w, 1), filters];
    }
    override getConfig() {
      return { ...super.getConfig(), ...this.conv };
    }
  }

  for (const cls of [NetdLRN, NetdPaddedMaxPool2D, NetdDilatedConv2D])
    tf.serialization.registerClass(cls);
  const layers: CustomLayers = {
    lrn: (config) => new NetdLRN(config),
    paddedMaxPool: (config) => new NetdPaddedMaxPool2D(config),
    dilatedConv: (config) => new NetdDilatedConv2D(config),
  };
  cache.set(tf, layers);
  return layers;
}
