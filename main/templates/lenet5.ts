/** LeNet-5 (LeCun et al. 1998) in the form most courses teach it. */
import { NetworkBuilder } from './builder.ts';
import { fmtShape } from '../network/catalog/format.ts';
import type { TemplateDef, TemplateRequest, TemplateBuild } from './types.ts';

const DESCRIPTION =
  'LeCun et al. 1998, LeNet-5 for 32×32 digits in its common modern form: C1 6@5×5, S2 2×2 ' +
  'average pool, C3 16@5×5, S4, C5 120@5×5 (a 1×1 map), F6 84, tanh activations. Differs from ' +
  'the paper: C3 is fully connected to S2 (the paper uses a sparse table), the pools have no ' +
  'trainable coefficient, and the RBF output is a softmax layer. Inputs under 32×32 (e.g. ' +
  "28×28 MNIST) get padding 'same' on C1, as the paper padded its digits to 32×32.";

function build({ input, classes }: TemplateRequest): TemplateBuild {
  const changes: string[] = [];
  const b = new NetworkBuilder();
  b.add('input', 'Input', { shape: input });
  const pad = Math.min(input[0], input[1]) < 32;
  if (pad) {
    changes.push(
      `C1: padding 'valid' → 'same', so the ${fmtShape(input)} input still leaves C5 a map to read`,
    );
  }
  b.add(
    'c1',
    'Conv2D',
    { filters: 6, kernelSize: 5, padding: pad ? 'same' : 'valid', activation: 'tanh' },
    { label: 'C1' },
  );
  b.add('s2', 'AvgPool2D', { poolSize: 2 }, { label: 'S2' });
  b.add('c3', 'Conv2D', { filters: 16, kernelSize: 5, activation: 'tanh' }, { label: 'C3' });
  b.add('s4', 'AvgPool2D', { poolSize: 2 }, { label: 'S4' });
  b.add('c5', 'Conv2D', { filters: 120, kernelSize: 5, activation: 'tanh' }, { label: 'C5' });
  b.add('flatten', 'Flatten');
  b.add('f6', 'Dense', { units: 84, activation: 'tanh' }, { label: 'F6' });
  b.add('output', 'Dense', { units: classes, activation: 'softmax' }, { label: 'classifier' });
  return { doc: b.build('LeNet-5', DESCRIPTION), changes };
}

export const LENET5: TemplateDef = {
  id: 'lenet5',
  name: 'LeNet-5',
  description: DESCRIPTION,
  defaultInput: [32, 32, 1],
  defaultClasses: 10,
  build,
};
