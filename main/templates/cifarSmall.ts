/** A small VGG-style CIFAR network (~290k params) that trains to a useful accuracy in minutes. */
import { NetworkBuilder } from './builder.ts';
import type { TemplateDef, TemplateRequest, TemplateBuild } from './types.ts';

const DESCRIPTION =
  "NetDesigner's quick-training net for 32×32 colour images (CIFAR-10 and similar): three stages " +
  'of two 3×3 conv → batch norm → ReLU (32, 64, 128 filters) with 2×2 max pools between them, ' +
  'global average pooling, dropout 0.3 and a softmax classifier — about 290k parameters and ' +
  '39M MACs per image, so a few epochs run in minutes on a laptop. Not from a paper; it follows ' +
  'the VGG recipe with batch norm and a GAP head.';

const WIDTHS = [32, 64, 128] as const;

function build({ input, classes }: TemplateRequest): TemplateBuild {
  const b = new NetworkBuilder();
  b.add('input', 'Input', { shape: input });
  WIDTHS.forEach((filters, s) => {
    for (let i = 1; i <= 2; i++) {
      const name = `${s + 1}_${i}`;
      b.add(`conv${name}`, 'Conv2D', { filters, kernelSize: 3, padding: 'same', useBias: false });
      b.add(`bn${name}`, 'BatchNorm');
      b.add(`relu${name}`, 'Activation', { fn: 'relu' });
    }
    if (s < WIDTHS.length - 1) b.add(`pool${s + 1}`, 'MaxPool2D', { poolSize: 2 });
  });
  b.add('gap', 'GlobalAvgPool2D');
  b.add('dropout', 'Dropout', { rate: 0.3 });
  b.add('fc', 'Dense', { units: classes, activation: 'softmax' }, { label: 'classifier' });
  return { doc: b.build('Small CIFAR CNN', DESCRIPTION), changes: [] };
}

export const CIFAR_SMALL: TemplateDef = {
  id: 'cifar-small',
  name: 'Small CIFAR CNN',
  description: DESCRIPTION,
  defaultInput: [32, 32, 3],
  defaultClasses: 10,
  build,
};
