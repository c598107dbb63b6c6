/** Dense (fully connected): every input feeds every unit. Needs a flat vector. */
import { activationParam, unitsLike, useBiasParam } from './commonParams.ts';
import { aShape, fmtInt, plural } from './format.ts';
import { defineLayer, nodeError } from './layerDef.ts';
import type { QuickFix } from '../types.ts';
import type { ActivationName } from './params.ts';

interface DenseParams {
  units: number;
  useBias: boolean;
  activation: ActivationName;
}

export const dense = defineLayer<DenseParams>({
  type: 'Dense',
  group: 'Classifier',
  description:
    'Fully connected: every input feeds every unit. The last one usually has one unit per class.',
  params: [
    unitsLike('units', 'Units', 'Number of outputs (classes for the last layer).'),
    useBiasParam,
    activationParam,
  ],
  // A hidden layer is what a student adds most; the gallery and Adapt set the classifier's width.
  initialParams: { units: 128, activation: 'relu' },
  minInputs: 1,
  maxInputs: 1,
  read: (v) => ({
    units: v.units as number,
    useBias: v.useBias as boolean,
    activation: v.activation as ActivationName,
  }),
  shape(p, [input], who) {
    if (input!.length !== 1) {
      const flat = input!.reduce((a, b) => a * b, 1);
      return {
        problems: [
          nodeError(
            who,
            'dense-on-spatial',
            `gets ${aShape(input!)} map but needs a flat vector — insert GlobalAvgPool2D (${plural(input![input!.length - 1]!, 'input')}) or Flatten (${plural(flat, 'input')}) before it`,
            {
              fixes: (['GlobalAvgPool2D', 'Flatten'] as const).map((layerType): QuickFix => ({
                kind: 'insert-before',
                label: `Insert ${layerType} before it`,
                nodeId: who.id,
                layerType,
              })),
            },
          ),
        ],
      };
    }
    return { shape: [p.units] };
  },
  counts(p, [input]) {
    const n = input![0]!;
    return {
      trainable: n * p.units + (p.useBias ? p.units : 0),
      nonTrainable: 0,
      macs: n * p.units,
    };
  },
  receptiveField: (_p, _i, rf) => rf,
  summary: (p) => (p.activation === 'linear' ? String(p.units) : `${p.units} · ${p.activation}`),
  formulas(p, [input], _out, counts) {
    const n = input![0]!;
    return [
      `params = ${fmtInt(n)}·${p.units}${p.useBias ? ` + ${p.units}` : ''} = ${fmtInt(counts.trainable)}`,
      `MACs = ${fmtInt(n)}·${p.units} = ${fmtInt(counts.macs)}`,
    ];
  },
});
