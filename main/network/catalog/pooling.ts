/** MaxPool2D / AvgPool2D: parameter-free sliding windows that keep the channel count. */
import type { LayerType } from '../types.ts';
import { kernelParam, paddingParam, stridesParam } from './commonParams.ts';
import { defineLayer, NO_COUNTS, nodeError, type LayerDef } from './layerDef.ts';
import { pair } from './params.ts';
import {
  readPadding,
  windowFormulas,
  windowRf,
  windowShape,
  windowSummary,
  type SlidingWindow,
} from './spatial.ts';

function pooling(type: LayerType, verb: string): LayerDef<SlidingWindow> {
  return defineLayer<SlidingWindow>({
    type,
    group: 'Pooling',
    description: `Takes the ${verb} of each window per channel; shrinks height and width, no weights.`,
    params: [kernelParam('poolSize', 'Pool size', 2), stridesParam(), paddingParam],
    initialParams: { poolSize: 2 },
    minInputs: 1,
    maxInputs: 1,
    read: (v) => {
      const kernel = pair(v.poolSize);
      return {
        kernel,
        strides: v.strides === undefined ? kernel : pair(v.strides),
        dilation: [1, 1],
        padding: readPadding(v.padding),
      };
    },
    derived: (v) => (v.strides === undefined ? { strides: v.poolSize } : {}),
    crossCheck(p, who) {
      // PyTorch refuses explicit padding wider than half the window (the window would see only padding).
      if (typeof p.padding === 'string') return [];
      const [ph, pw] = p.padding;
      if (ph * 2 <= p.kernel[0] && pw * 2 <= p.kernel[1]) return [];
      return [
        nodeError(
          who,
          'param-out-of-range',
          `padding ${ph === pw ? ph : `[${ph}, ${pw}]`} is more than half the pool size ${p.kernel[0]}×${p.kernel[1]} — use at most ${Math.floor(p.kernel[0] / 2)} or 'same'`,
          { param: 'padding' },
        ),
      ];
    },
    shape: (p, [input], who) => windowShape(p, input!, input![2] ?? 0, who, 'pool size'),
    counts: () => NO_COUNTS,
    receptiveField: (p, _inputs, rf) => windowRf(p, rf),
    summary: (p) => windowSummary(p, p.kernel).join(' · '),
    formulas: (p, [input]) => [...windowFormulas(p, input!), 'params = 0 (no weights)'],
  });
}

export const maxPool2d = pooling('MaxPool2D', 'maximum');
export const avgPool2d = pooling('AvgPool2D', 'average');
