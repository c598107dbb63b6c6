/** Conv2D: a learned sliding window, channels-last, with optional bias and fused activation. */
import {
  activationParam,
  dilationParam,
  kernelParam,
  paddingParam,
  stridesParam,
  unitsLike,
  useBiasParam,
} from './commonParams.ts';
import { fmtInt } from './format.ts';
import { defineLayer } from './layerDef.ts';
import { pair, type ActivationName } from './params.ts';
import {
  readPadding,
  windowFormulas,
  windowRf,
  windowShape,
  windowSummary,
  type SlidingWindow,
} from './spatial.ts';

interface Conv2DParams extends SlidingWindow {
  filters: number;
  useBias: boolean;
  activation: ActivationName;
}

export const conv2d = defineLayer<Conv2DParams>({
  type: 'Conv2D',
  group: 'Convolution',
  description: 'Slides learned filters over the image; each filter makes one output channel.',
  params: [
    unitsLike('filters', 'Filters', 'Number of filters = output channels.'),
    kernelParam('kernelSize', 'Kernel size'),
    stridesParam(1),
    paddingParam,
    dilationParam,
    useBiasParam,
    activationParam,
  ],
  initialParams: { filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' },
  minInputs: 1,
  maxInputs: 1,
  read: (v) => ({
    filters: v.filters as number,
    kernel: pair(v.kernelSize),
    strides: pair(v.strides),
    dilation: pair(v.dilation),
    padding: readPadding(v.padding),
    useBias: v.useBias as boolean,
    activation: v.activation as ActivationName,
  }),
  shape: (p, [input], who) => windowShape(p, input!, p.filters, who, 'kernel'),
  counts(p, [input], out) {
    const cin = input![2]!;
    const weights = p.kernel[0] * p.kernel[1] * cin * p.filters;
    return {
      trainable: weights + (p.useBias ? p.filters : 0),
      nonTrainable: 0,
      macs: out[0]! * out[1]! * p.filters * p.kernel[0] * p.kernel[1] * cin,
    };
  },
  receptiveField: (p, _inputs, rf) => windowRf(p, rf),
  summary(p) {
    const [k, ...rest] = windowSummary(p, [1, 1]);
    const parts = [k!, String(p.filters), ...rest];
    if (p.activation !== 'linear') parts.push(p.activation);
    return parts.join(' · ');
  },
  formulas(p, [input], out, counts) {
    const cin = input![2]!;
    const [kh, kw] = p.kernel;
    const bias = p.useBias ? ` + ${p.filters}` : '';
    return [
      ...windowFormulas(p, input!),
      `params = ${kh}·${kw}·${cin}·${p.filters}${bias} = ${fmtInt(counts.trainable)}`,
      `MACs = ${out[0]}·${out[1]}·${p.filters} · ${kh}·${kw}·${cin} = ${fmtInt(counts.macs)}`,
    ];
  },
});
