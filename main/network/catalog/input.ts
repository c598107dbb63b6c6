/** Input: where data enters; its shape param fixes every shape below it. */
import { fmtInt, fmtShape } from './format.ts';
import { defineLayer, NO_COUNTS } from './layerDef.ts';
import { param } from './params.ts';

export const input = defineLayer<{ shape: number[] }>({
  type: 'Input',
  group: 'Input',
  description: 'The image (height × width × channels) that enters the network.',
  params: [
    param({
      name: 'shape',
      kind: 'shape',
      label: 'Shape',
      description:
        '[height, width, channels], e.g. [224, 224, 3] for colour photos, [28, 28, 1] for MNIST.',
    }),
  ],
  initialParams: { shape: [32, 32, 3] },
  minInputs: 0,
  maxInputs: 0,
  read: (v) => ({ shape: v.shape as number[] }),
  shape: (p) => ({ shape: p.shape }),
  counts: () => NO_COUNTS,
  receptiveField: (_p, _i, rf) => rf,
  summary: (p) => fmtShape(p.shape),
  formulas: (p) => [
    `values per example = ${p.shape.join('·')} = ${fmtInt(p.shape.reduce((a, b) => a * b, 1))}`,
  ],
});
