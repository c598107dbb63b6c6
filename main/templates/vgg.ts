/** VGG-11/13/16/19 (configurations A, B, D, E) as torchvision builds them, without batch norm. */
import { NetworkBuilder } from './builder.ts';
import type { TemplateDef, TemplateRequest, TemplateBuild } from './types.ts';

/** Convolutions per stage for each depth (Simonyan & Zisserman 2014, Table 1). */
const STAGES: Record<11 | 13 | 16 | 19, readonly number[]> = {
  11: [1, 1, 2, 2, 2],
  13: [2, 2, 2, 2, 2],
  16: [2, 2, 3, 3, 3],
  19: [2, 2, 4, 4, 4],
};
const WIDTHS = [64, 128, 256, 512, 512] as const;
const CONFIG_LETTER = { 11: 'A', 13: 'B', 16: 'D', 19: 'E' } as const;

function description(depth: 11 | 13 | 16 | 19): string {
  return (
    `Simonyan & Zisserman 2014, configuration ${CONFIG_LETTER[depth]} (${depth} weight layers), ` +
    'as torchvision builds it: 3×3 convolutions with pad 1 and ReLU, 2×2 max pools, no batch norm, ' +
    "fc6/fc7 of 4096 with dropout 0.5. torchvision's AdaptiveAvgPool2d(7×7) is the identity at " +
    '224×224 and is left out, so at other input sizes fc6 sees the real pool5 map. ' +
    "For inputs too small for five 2×2 pools, the last pools switch to padding 'same'."
  );
}

function builder(depth: 11 | 13 | 16 | 19) {
  return ({ input, classes }: TemplateRequest): TemplateBuild => {
    const b = new NetworkBuilder();
    b.add('input', 'Input', { shape: input });
    STAGES[depth].forEach((convs, stage) => {
      for (let i = 1; i <= convs; i++) {
        b.add(`conv${stage + 1}_${i}`, 'Conv2D', {
          filters: WIDTHS[stage],
          kernelSize: 3,
          padding: 1,
          activation: 'relu',
        });
      }
      b.add(`pool${stage + 1}`, 'MaxPool2D', { poolSize: 2 });
    });
    b.add('flatten', 'Flatten');
    b.add('fc6', 'Dense', { units: 4096, activation: 'relu' });
    b.add('drop6', 'Dropout', { rate: 0.5 });
    b.add('fc7', 'Dense', { units: 4096, activation: 'relu' });
    b.add('drop7', 'Dropout', { rate: 0.5 });
    b.add('fc8', 'Dense', { units: classes, activation: 'softmax' }, { label: 'classifier' });
    // Vanishing maps on small inputs are repaired generically by adaptNetwork (pool padding).
    return { doc: b.build(`VGG-${depth}`, description(depth)), changes: [] };
  };
}

function vgg(depth: 11 | 13 | 16 | 19): TemplateDef {
  return {
    id: `vgg${depth}`,
    name: `VGG-${depth}`,
    description: description(depth),
    defaultInput: [224, 224, 3],
    defaultClasses: 1000,
    build: builder(depth),
  };
}

export const VGG_TEMPLATES: readonly TemplateDef[] = [vgg(11), vgg(13), vgg(16), vgg(19)];
