/** AlexNet as torchvision builds it (the single-tower "one weird trick" variant). */
import { startWithConv1 } from './stem.ts';
import type { TemplateDef, TemplateRequest, TemplateBuild } from './types.ts';

const DESCRIPTION =
  'Krizhevsky et al. 2012, as torchvision builds it: the single-tower variant of Krizhevsky 2014 ' +
  '("One weird trick") with 64/192/384/256/256 filters, no LRN and no grouped convolutions, ' +
  "ReLU everywhere, dropout before fc6 and fc7. torchvision's AdaptiveAvgPool2d(6×6) is the " +
  'identity at 224×224 (conv5 already yields 6×6) and is left out, so at other input sizes ' +
  'fc6 sees the real conv5 map. For inputs under 64×64 conv1 becomes 3×3 stride 1.';

function build({ input, classes }: TemplateRequest): TemplateBuild {
  const { b, changes } = startWithConv1(
    input,
    { filters: 64, kernelSize: 11, strides: 4, padding: 2, extra: { activation: 'relu' } },
    { also: '', next: 'conv2' },
  );
  b.add('pool1', 'MaxPool2D', { poolSize: 3, strides: 2 });
  b.add('conv2', 'Conv2D', { filters: 192, kernelSize: 5, padding: 2, activation: 'relu' });
  b.add('pool2', 'MaxPool2D', { poolSize: 3, strides: 2 });
  b.add('conv3', 'Conv2D', { filters: 384, kernelSize: 3, padding: 1, activation: 'relu' });
  b.add('conv4', 'Conv2D', { filters: 256, kernelSize: 3, padding: 1, activation: 'relu' });
  b.add('conv5', 'Conv2D', { filters: 256, kernelSize: 3, padding: 1, activation: 'relu' });
  b.add('pool5', 'MaxPool2D', { poolSize: 3, strides: 2 });
  b.add('flatten', 'Flatten');
  b.add('drop6', 'Dropout', { rate: 0.5 });
  b.add('fc6', 'Dense', { units: 4096, activation: 'relu' });
  b.add('drop7', 'Dropout', { rate: 0.5 });
  b.add('fc7', 'Dense', { units: 4096, activation: 'relu' });
  b.add('fc8', 'Dense', { units: classes, activation: 'softmax' }, { label: 'classifier' });
  return { doc: b.build('AlexNet', DESCRIPTION), changes };
}

export const ALEXNET: TemplateDef = {
  id: 'alexnet',
  name: 'AlexNet',
  description: DESCRIPTION,
  defaultInput: [224, 224, 3],
  defaultClasses: 1000,
  build,
};
