/**
 * The classic comparisons, as pairs of small designs (or a template and its variant). Each pair
 * explains itself from the comparison the engine computes, so the text never drifts from the
 * numbers shown beside it.
 */
import type { Comparison } from '../compare/compareNetworks.ts';
import { NETWORK_FORMAT, NETWORK_VERSION } from '../network/types.ts';
import type { NetworkDoc, NetworkEdge, NetworkNode } from '../network/types.ts';
import { buildTemplate } from '../templates/index.ts';
import { change, fmtBytes, fmtInt, share, si, times } from './text.ts';

export interface ExamplePair {
  id: string;
  title: string;
  /** The question the pair answers, shown on its card. */
  question: string;
  a: () => NetworkDoc;
  b: () => NetworkDoc;
  /** Two or three sentences, every figure read from `c`. */
  explain: (c: Comparison) => string;
}

type Spec = [id: string, type: string, params?: Record<string, unknown>, from?: string[]];

/** A design from `[id, type, params, from]` rows; `from` defaults to the previous row. */
function design(name: string, description: string, rows: Spec[]): NetworkDoc {
  const nodes: NetworkNode[] = [];
  const edges: NetworkEdge[] = [];
  rows.forEach(([id, type, params = {}, from], i) => {
    nodes.push({ id, type, params });
    for (const source of from ?? (i > 0 ? [rows[i - 1]![0]] : []))
      edges.push({ source, target: id });
  });
  return { format: NETWORK_FORMAT, version: NETWORK_VERSION, name, description, nodes, edges };
}

const conv = (filters: number, kernelSize: number) => ({
  filters,
  kernelSize,
  padding: (kernelSize - 1) / 2,
  activation: 'relu',
});

const rf = (c: Comparison, side: 'a' | 'b') => {
  const r = c[side].receptiveField;
  return r ? `${r[0]}×${r[1]}` : '?';
};

const sevenBySeven: ExamplePair = {
  id: 'conv7-vs-3x3',
  title: 'One 7×7 vs three 3×3 convolutions',
  question: 'Why did VGG stack small filters?',
  a: () =>
    design('One 7×7 convolution', 'A single 7×7 convolution, 64 → 64 channels, with ReLU.', [
      ['input', 'Input', { shape: [56, 56, 64] }],
      ['features.conv7x7', 'Conv2D', conv(64, 7)],
    ]),
  b: () =>
    design(
      'Three stacked 3×3 convolutions',
      'Three 3×3 convolutions, 64 → 64 channels, each with ReLU: the same 7×7 view of the input.',
      [
        ['input', 'Input', { shape: [56, 56, 64] }],
        ['features.conv3x3a', 'Conv2D', conv(64, 3)],
        ['features.conv3x3b', 'Conv2D', conv(64, 3)],
        ['features.conv3x3c', 'Conv2D', conv(64, 3)],
      ],
    ),
  explain: (c) =>
    `Both see a ${rf(c, 'a')} window of the input (receptive field ${rf(c, 'a')} vs ${rf(c, 'b')}), ` +
    `but the stack of three 3×3 convolutions needs ${fmtInt(c.b.trainableParams)} weights instead of ` +
    `${fmtInt(c.a.trainableParams)} (${change(c.a.trainableParams, c.b.trainableParams)} fewer) ` +
    `and ${si(c.b.macs)} MACs instead of ${si(c.a.macs)}. ` +
    `It also puts three ReLUs where the single layer has one, so the same view is computed with ` +
    `more non-linearity; the price is ${fmtBytes(c.b.activationBytes - c.a.activationBytes)} more ` +
    `activation memory per example for the two extra feature maps.`,
};

const INCEPTION_3A = { b1: 64, b3: 128, b5: 32 };

const inception: ExamplePair = {
  id: 'inception-naive-vs-reduced',
  title: 'Naive Inception vs 1×1 reductions',
  question: 'What do the 1×1 convolutions in GoogLeNet save?',
  a: () =>
    design(
      'Naive Inception (3a widths)',
      "GoogLeNet's inception (3a) on a 28×28×192 map without its 1×1 reductions: the 3×3 and 5×5 read all 192 channels, the pooled map is concatenated as is.",
      [
        ['input', 'Input', { shape: [28, 28, 192] }],
        ['inception3a', 'Inception', { ...INCEPTION_3A, b3r: 0, b5r: 0, poolProj: 0 }],
      ],
    ),
  b: () =>
    design(
      'Inception with 1×1 reductions (3a)',
      "GoogLeNet's inception (3a) as in the paper: 96 and 16 channel 1×1 reductions before the 3×3 and 5×5, a 32 channel projection after the pool.",
      [
        ['input', 'Input', { shape: [28, 28, 192] }],
        ['inception3a', 'Inception', { ...INCEPTION_3A, b3r: 96, b5r: 16, poolProj: 32 }],
      ],
    ),
  explain: (c) =>
    `With 1×1 reductions the module needs ${si(c.b.macs)} MACs instead of ${si(c.a.macs)} ` +
    `(${times(c.a.macs, c.b.macs)}) and ${fmtInt(c.b.trainableParams)} parameters instead of ` +
    `${fmtInt(c.a.trainableParams)}. ` +
    `The naive module also passes the pooled input through unchanged, so its output grows to ` +
    `${c.a.outputShape?.join('×') ?? '?'} against ${c.b.outputShape?.join('×') ?? '?'}: stacked, ` +
    `every naive module would widen the next one's input and its cost would explode.`,
};

function vggWithGap(): NetworkDoc {
  const doc = buildTemplate('vgg16').doc;
  return {
    ...doc,
    name: 'VGG-16 with global average pooling',
    description:
      'VGG-16 with its Flatten replaced by global average pooling: fc6 reads one average per channel instead of the whole last map.',
    nodes: doc.nodes.map((n) =>
      n.id === 'flatten' ? { id: 'gap', type: 'GlobalAvgPool2D', params: {} } : n,
    ),
    edges: doc.edges.map((e) => ({
      source: e.source === 'flatten' ? 'gap' : e.source,
      target: e.target === 'flatten' ? 'gap' : e.target,
    })),
  };
}

const vggHead: ExamplePair = {
  id: 'vgg16-flatten-vs-gap',
  title: 'VGG-16: Flatten vs global average pooling',
  question: 'Where do VGG-16’s parameters live, and what does global average pooling do to them?',
  a: () => buildTemplate('vgg16').doc,
  b: vggWithGap,
  explain: (c) => {
    const head = c.stages.find((s) => s.name === 'classifier');
    const headA = head?.a?.trainableParams ?? 0;
    const headB = head?.b?.trainableParams ?? 0;
    const map = c.stages.find((s) => s.name === 'conv5')?.a?.outputShape ?? null;
    return (
      `On Flatten, the classifier holds ${fmtInt(headA)} of VGG-16's ` +
      `${fmtInt(c.a.trainableParams)} parameters (${share(headA, c.a.trainableParams)}): fc6 ` +
      `alone reads all ${map?.join('×') ?? '?'} values. ` +
      `Averaging each of the ${map?.[2] ?? '?'} maps first cuts the classifier to ${fmtInt(headB)} and the whole ` +
      `network to ${fmtInt(c.b.trainableParams)} parameters (${times(c.a.trainableParams, c.b.trainableParams)}), ` +
      `while the MACs barely move (${si(c.a.macs)} vs ${si(c.b.macs)}): the convolutions do the work.`
    );
  },
};

const residual = (variant: 'basic' | 'bottleneck', filters: number, name: string, what: string) =>
  design(name, what, [
    ['input', 'Input', { shape: [56, 56, 256] }],
    ['layer1.0', 'ResidualBlock', { variant, filters }],
  ]);

const bottleneck: ExamplePair = {
  id: 'basic-vs-bottleneck',
  title: 'Basic vs bottleneck residual block',
  question: 'Why does ResNet-50 use bottlenecks?',
  a: () =>
    residual(
      'basic',
      256,
      'Basic block, 256 wide',
      'Two 3×3 convolutions at 256 channels with an identity shortcut (ResNet-18/34 style).',
    ),
  b: () =>
    residual(
      'bottleneck',
      64,
      'Bottleneck block, 256 wide',
      '1×1 down to 64 channels, 3×3 at 64, 1×1 back up to 256, identity shortcut (ResNet-50 style).',
    ),
  explain: (c) =>
    `Both blocks take and return a ${c.a.outputShape?.join('×') ?? '?'} map, but the bottleneck ` +
    `runs its 3×3 at a quarter of the width: ${fmtInt(c.b.trainableParams)} parameters instead of ` +
    `${fmtInt(c.a.trainableParams)} and ${si(c.b.macs)} MACs instead of ${si(c.a.macs)} ` +
    `(${times(c.a.macs, c.b.macs)}). ` +
    `That saving is why ResNet-50 and deeper use three-layer bottlenecks where ResNet-34 uses two 3×3s; ` +
    `each block widens the receptive field less (${rf(c, 'b')} vs ${rf(c, 'a')}), having one 3×3 instead of two.`,
};

/** Conv → BN → ReLU ×2 per block, with or without the identity shortcut around the pair. */
function stack(shortcuts: boolean): NetworkDoc {
  const rows: Spec[] = [['input', 'Input', { shape: [32, 32, 16] }]];
  let prev = 'input';
  for (const block of ['block1', 'block2', 'block3']) {
    const unit = (k: number): Spec[] => [
      [`${block}.conv${k}`, 'Conv2D', { filters: 16, kernelSize: 3, padding: 1, useBias: false }],
      [`${block}.bn${k}`, 'BatchNorm'],
    ];
    rows.push(...unit(1), [`${block}.relu1`, 'Activation', { fn: 'relu' }], ...unit(2));
    if (shortcuts) rows.push([`${block}.add`, 'Add', {}, [`${block}.bn2`, prev]]);
    rows.push([`${block}.relu2`, 'Activation', { fn: 'relu' }]);
    prev = `${block}.relu2`;
  }
  rows.push(['gap', 'GlobalAvgPool2D'], ['fc', 'Dense', { units: 10, activation: 'softmax' }]);
  return design(
    shortcuts ? 'Same stack with shortcuts' : 'Plain stack',
    shortcuts
      ? 'Three residual blocks: the same six convolutions, each pair wrapped by an identity shortcut and an Add.'
      : 'Six 3×3 convolutions with batch norm and ReLU, one after the other.',
    rows,
  );
}

const shortcuts: ExamplePair = {
  id: 'plain-vs-shortcuts',
  title: 'Plain stack vs the same stack with shortcuts',
  question: 'What does a residual shortcut cost?',
  a: () => stack(false),
  b: () => stack(true),
  explain: (c) =>
    `Identity shortcuts add ${fmtInt(c.delta.trainableParams)} parameters and ` +
    `${fmtInt(c.delta.macs)} MACs: both stacks have ${fmtInt(c.a.trainableParams)} parameters and ` +
    `${si(c.a.macs)} MACs. ` +
    `The only cost is ${fmtBytes(c.delta.activationBytes)} more activation memory per example for ` +
    `the Add outputs. What they buy is a path around every pair of layers for the gradient, which ` +
    `is why deep residual networks train where deep plain ones stall.`,
};

/** The examples, in gallery order. */
export const EXAMPLE_PAIRS: readonly ExamplePair[] = [
  sevenBySeven,
  inception,
  vggHead,
  bottleneck,
  shortcuts,
];
