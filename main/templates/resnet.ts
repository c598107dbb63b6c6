/** ResNet-18/34/50/101/152 in torchvision's layout, one ResidualBlock composite per block. */
import { startWithConv1 } from './stem.ts';
import type { TemplateDef, TemplateRequest, TemplateBuild } from './types.ts';

type Depth = 18 | 34 | 50 | 101 | 152;

/** Blocks per stage (He et al. 2015, Table 1). */
const BLOCKS: Record<Depth, readonly [number, number, number, number]> = {
  18: [2, 2, 2, 2],
  34: [3, 4, 6, 3],
  50: [3, 4, 6, 3],
  101: [3, 4, 23, 3],
  152: [3, 8, 36, 3],
};
const STAGE_FILTERS = [64, 128, 256, 512] as const;

function variantOf(depth: Depth): 'basic' | 'bottleneck' {
  return depth < 50 ? 'basic' : 'bottleneck';
}

function description(depth: Depth): string {
  const variant = variantOf(depth);
  return (
    `He et al. 2015, ${depth}-layer ResNet (${variant} blocks), as torchvision builds it: ` +
    'bias-free convolutions with batch norm, 7×7/2 stem and 3×3/2 max pool, ' +
    (variant === 'bottleneck' ? 'stride on the bottleneck\'s 3×3 (the "v1.5" variant), ' : '') +
    '1×1 projection shortcuts only where the shape changes (option B), global average pooling ' +
    'and a linear layer with softmax. For inputs under 64×64 the stem becomes a 3×3 stride 1 conv ' +
    "without the max pool, as in the paper's CIFAR experiments."
  );
}

function builder(depth: Depth) {
  return ({ input, classes }: TemplateRequest): TemplateBuild => {
    const { b, changes, small } = startWithConv1(
      input,
      { filters: 64, kernelSize: 7, strides: 2, padding: 3, extra: { useBias: false } },
      { also: 'the max pool removed', next: 'layer1' },
    );
    b.add('bn1', 'BatchNorm');
    b.add('relu', 'Activation', { fn: 'relu' });
    if (!small) b.add('maxpool', 'MaxPool2D', { poolSize: 3, strides: 2, padding: 1 });
    const variant = variantOf(depth);
    BLOCKS[depth].forEach((count, stage) => {
      for (let i = 0; i < count; i++) {
        b.add(`layer${stage + 1}.${i}`, 'ResidualBlock', {
          variant,
          filters: STAGE_FILTERS[stage],
          strides: stage > 0 && i === 0 ? 2 : 1,
        });
      }
    });
    b.add('avgpool', 'GlobalAvgPool2D');
    b.add('fc', 'Dense', { units: classes, activation: 'softmax' }, { label: 'classifier' });
    return { doc: b.build(`ResNet-${depth}`, description(depth)), changes };
  };
}

function resnet(depth: Depth): TemplateDef {
  return {
    id: `resnet${depth}`,
    name: `ResNet-${depth}`,
    description: description(depth),
    defaultInput: [224, 224, 3],
    defaultClasses: 1000,
    build: builder(depth),
  };
}

export const RESNET_TEMPLATES: readonly TemplateDef[] = [18, 34, 50, 101, 152].map((d) =>
  resnet(d as Depth),
);
