/** GlobalAvgPool2D / GlobalMaxPool2D and Flatten: turn an H×W×C map into a vector. */
import type { LayerType } from '../types.ts';
import { fmtInt } from './format.ts';
import { defineLayer, NO_COUNTS, type LayerDef } from './layerDef.ts';
import { flatInputProblem, globalRf } from './spatial.ts';

function globalPool(type: LayerType, verb: string): LayerDef<null> {
  return defineLayer<null>({
    type,
    group: 'Pooling',
    description: `Takes the ${verb} over the whole map per channel: H×W×C → C. Classic classifier head.`,
    params: [],
    initialParams: {},
    minInputs: 1,
    maxInputs: 1,
    read: () => null,
    shape: (_p, [input], who) =>
      flatInputProblem(input!, who, 'it is already pooled; remove this layer') ?? {
        shape: [input![2]!],
      },
    counts: () => NO_COUNTS,
    receptiveField: (_p, [input], rf) => globalRf(input!, rf),
    summary: () => '',
    formulas: (_p, [input]) => [`out = C = ${input![2]} (${verb} over ${input![0]}×${input![1]})`],
  });
}

export const globalAvgPool2d = globalPool('GlobalAvgPool2D', 'average');
export const globalMaxPool2d = globalPool('GlobalMaxPool2D', 'maximum');

export const flatten = defineLayer<null>({
  type: 'Flatten',
  group: 'Classifier',
  description: 'Unrolls H×W×C into one vector of H·W·C numbers, e.g. before Dense layers.',
  params: [],
  initialParams: {},
  minInputs: 1,
  maxInputs: 1,
  read: () => null,
  shape: (_p, [input]) => ({ shape: [input!.reduce((a, b) => a * b, 1)] }),
  counts: () => NO_COUNTS,
  receptiveField: (_p, [input], rf) => globalRf(input!, rf),
  summary: () => '',
  formulas: (_p, [input], out) =>
    input!.length === 3
      ? [`out = ${input!.join('·')} = ${fmtInt(out[0]!)}`]
      : ['out = in (already flat)'],
});
