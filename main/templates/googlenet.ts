/** GoogLeNet exactly as Table 1 of Szegedy et al. 2014 lists it, built from Inception composites. */
import { startWithConv1 } from './stem.ts';
import type { TemplateDef, TemplateRequest, TemplateBuild } from './types.ts';

/** Table 1: name, #1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj; `pool` = 3×3/2 max pool. */
const TABLE: readonly (
  readonly [string, number, number, number, number, number, number] | 'pool'
)[] = [
  ['3a', 64, 96, 128, 16, 32, 32],
  ['3b', 128, 128, 192, 32, 96, 64],
  'pool',
  ['4a', 192, 96, 208, 16, 48, 64],
  ['4b', 160, 112, 224, 24, 64, 64],
  ['4c', 128, 128, 256, 24, 64, 64],
  ['4d', 112, 144, 288, 32, 64, 64],
  ['4e', 256, 160, 320, 32, 128, 128],
  'pool',
  ['5a', 256, 160, 320, 32, 128, 128],
  ['5b', 384, 192, 384, 48, 128, 128],
];

/** Caffe's reference GoogLeNet LRN (size 5, α 1e-4 over the window) in TensorFlow's terms (α per element). */
const LRN = { depthRadius: 2, bias: 1, alpha: 2e-5, beta: 0.75 };

const DESCRIPTION =
  'Szegedy et al. 2014 ("Going deeper with convolutions"), Table 1: 7×7/2 stem, LRN after the ' +
  'first pool and after conv2 (as in the Caffe reference model), nine Inception modules with ' +
  "5×5 branches, biases and no batch norm, 3×3/2 max pools with padding 'same' (112→56→28→14→7), " +
  'dropout 0.4 and a linear layer with softmax. The auxiliary classifiers are left out (training-only). ' +
  'The final 7×7 average pool is modelled as global average pooling — identical at 224×224 and ' +
  'valid at any input. For inputs under 64×64 the stem becomes a 3×3 stride 1 conv without the first pool.';

function build({ input, classes }: TemplateRequest): TemplateBuild {
  const { b, changes, small } = startWithConv1(
    input,
    { filters: 64, kernelSize: 7, strides: 2, padding: 3, extra: { activation: 'relu' } },
    { also: 'pool1 removed', next: 'the Inception stages' },
  );
  if (!small) b.add('pool1', 'MaxPool2D', { poolSize: 3, strides: 2, padding: 'same' });
  b.add('norm1', 'LRN', LRN);
  b.add(
    'conv2_reduce',
    'Conv2D',
    { filters: 64, kernelSize: 1, activation: 'relu' },
    { label: 'conv2 3×3 reduce' },
  );
  b.add('conv2', 'Conv2D', { filters: 192, kernelSize: 3, padding: 1, activation: 'relu' });
  b.add('norm2', 'LRN', LRN);
  b.add('pool2', 'MaxPool2D', { poolSize: 3, strides: 2, padding: 'same' });
  let pool = 3;
  for (const row of TABLE) {
    if (row === 'pool') {
      b.add(`pool${pool++}`, 'MaxPool2D', { poolSize: 3, strides: 2, padding: 'same' });
      continue;
    }
    const [name, b1, b3r, b3, b5r, b5, poolProj] = row;
    b.add(`inception${name}`, 'Inception', { b1, b3r, b3, b5r, b5, poolProj });
  }
  b.add('avgpool', 'GlobalAvgPool2D', {}, { label: 'avg pool 7×7' });
  b.add('dropout', 'Dropout', { rate: 0.4 });
  b.add('fc', 'Dense', { units: classes, activation: 'softmax' }, { label: 'classifier' });
  return { doc: b.build('GoogLeNet', DESCRIPTION), changes };
}

export const GOOGLENET: TemplateDef = {
  id: 'googlenet',
  name: 'GoogLeNet (Inception v1)',
  description: DESCRIPTION,
  defaultInput: [224, 224, 3],
  defaultClasses: 1000,
  build,
};
