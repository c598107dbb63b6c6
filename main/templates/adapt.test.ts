import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../network/analyze.ts';
import type { NetworkDoc } from '../network/types.ts';
import { AdaptError, adaptNetwork, buildTemplate, listTemplates } from './index.ts';
import type { InputShape } from './types.ts';

const SIZES: InputShape[] = [
  [28, 28, 1],
  [32, 32, 3],
  [64, 64, 3],
  [96, 96, 3],
  [224, 224, 3],
];

const grid = listTemplates().flatMap((t) => SIZES.map((s) => [t.id, s.join('×'), s] as const));

describe('every template adapts to every input size', () => {
  it.each(grid)('%s at %s, 7 classes', (id, _label, input) => {
    const { doc } = buildTemplate(id, { input, classes: 7 });
    const analysis = analyzeNetwork(doc);
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const inputNode = doc.nodes.find((n) => n.type === 'Input')!;
    expect(inputNode.params.shape).toEqual(input);
    const last = analysis.order[analysis.order.length - 1]!;
    expect(analysis.nodes[last]!.outputShape).toEqual([7]);
  });
});

describe('adaptation reports what it changed', () => {
  it('keeps ResNet-18 valid on 32×32×3 with 10 classes via a smaller stem', () => {
    const { doc, changes } = buildTemplate('resnet18', { input: [32, 32, 3], classes: 10 });
    expect(analyzeNetwork(doc).valid).toBe(true);
    expect(doc.nodes.find((n) => n.id === 'conv1')!.params).toMatchObject({
      kernelSize: 3,
      padding: 1,
    });
    expect(doc.nodes.some((n) => n.id === 'maxpool')).toBe(false);
    expect(changes).toHaveLength(1);
  });

  it.each([
    ['alexnet', /^stem: conv1 11×11 stride 4 → 3×3 stride 1 \(pad 1\), so the 32×32×3 input/],
    ['googlenet', /^stem: conv1 7×7 stride 2 → 3×3 stride 1 \(pad 1\) and pool1 removed/],
    ['resnet50', /^stem: conv1 7×7 stride 2 → 3×3 stride 1 \(pad 1\) and the max pool removed/],
  ])('says how the %s stem changed for 32×32 images', (id, said) => {
    const { doc, changes } = buildTemplate(id, { input: [32, 32, 3] });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(said);
    expect(doc.nodes.find((n) => n.id === 'conv1')!.params).toMatchObject({ kernelSize: 3 });
  });

  it('pads VGG pool5 rather than letting a 28×28 map vanish', () => {
    const { doc, changes } = buildTemplate('vgg16', { input: [28, 28, 1], classes: 10 });
    expect(changes).toEqual([
      "pool5 (MaxPool2D): padding 'valid' → 'same', so its 1×1 input does not shrink below 1×1",
    ]);
    expect(doc.nodes.find((n) => n.id === 'pool5')!.params.padding).toBe('same');
  });

  it('changes nothing structural at the default input', () => {
    for (const t of listTemplates()) expect(buildTemplate(t.id).changes).toEqual([]);
  });

  it('refuses, with the reason, when no padding can save the design', () => {
    // fc6 after Flatten would need 64·64·512·4096 > 2^31 weights.
    expect(() => buildTemplate('vgg16', { input: [2048, 2048, 3] })).toThrow(AdaptError);
    expect(() => buildTemplate('vgg16', { input: [2048, 2048, 3] })).toThrow(
      /cannot adapt 'VGG-16' to 2048×2048×3: .*fc6/,
    );
  });

  it('rejects malformed requests with a message naming the field', () => {
    expect(() => buildTemplate('lenet5', { classes: 1 })).toThrow(
      /classes: classes must be at least 2/,
    );
    expect(() => buildTemplate('lenet5', { input: [0, 32, 1] })).toThrow(/^input\.0: /);
  });
});

describe('adaptNetwork on any network', () => {
  const example = JSON.parse(
    readFileSync(new URL('../../assets/examples/first-start.netd.json', import.meta.url), 'utf8'),
  ) as NetworkDoc;

  it('changes the input shape and the classifier units, leaving the original untouched', () => {
    const { doc, changes } = adaptNetwork(example, { input: [28, 28, 1], classes: 10 });
    expect(doc.nodes.find((n) => n.type === 'Input')!.params.shape).toEqual([28, 28, 1]);
    expect(doc.nodes.find((n) => n.id === 'classifier')!.params.units).toBe(10);
    expect(changes).toEqual([]);
    expect(example.nodes.find((n) => n.id === 'classifier')!.params.units).toBe(4);
    const analysis = analyzeNetwork(doc);
    expect(analysis.valid).toBe(true);
    expect(analysis.nodes.classifier!.outputShape).toEqual([10]);
  });

  it('finds a classifier behind softmax / dropout layers', () => {
    const doc: NetworkDoc = {
      ...example,
      nodes: [...example.nodes, { id: 'soft', type: 'Activation', params: { fn: 'softmax' } }],
      edges: [...example.edges, { source: 'classifier', target: 'soft' }],
    };
    expect(
      adaptNetwork(doc, { classes: 3 }).doc.nodes.find((n) => n.id === 'classifier')!.params.units,
    ).toBe(3);
  });

  it('refuses a network with two Inputs or two outputs', () => {
    const twoInputs: NetworkDoc = {
      ...example,
      nodes: [...example.nodes, { id: 'in2', type: 'Input', params: { shape: [8, 8, 1] } }],
    };
    expect(() => adaptNetwork(twoInputs, { input: [32, 32, 1] })).toThrow(
      /has 2 Input nodes; it needs exactly one/,
    );
    const twoOutputs: NetworkDoc = {
      ...example,
      nodes: [...example.nodes, { id: 'aux', type: 'Dense', params: { units: 2 } }],
      edges: [...example.edges, { source: 'fc1', target: 'aux' }],
    };
    expect(() => adaptNetwork(twoOutputs, { classes: 5 })).toThrow(
      /2 outputs \('classifier', 'aux'\)/,
    );
  });

  it('leaves problems the network already had alone instead of refusing', () => {
    const broken: NetworkDoc = structuredClone(example);
    broken.nodes.find((n) => n.id === 'conv2')!.params.filters = -3;
    const { doc } = adaptNetwork(broken, { classes: 6 });
    expect(doc.nodes.find((n) => n.id === 'classifier')!.params.units).toBe(6);
  });
});

describe('one Adapt for a loaded network (training tab, netd train --adapt)', () => {
  it('gives AlexNet at 224 a small first conv when it is adapted to 32×32 images, and says so', () => {
    const alexnet = buildTemplate('alexnet').doc;
    const { doc, message } = adaptNetwork(alexnet, { input: [32, 32, 3], classes: 10 });
    expect(doc.nodes.find((n) => n.id === 'conv1')!.params).toMatchObject({
      kernelSize: 3,
      strides: 1,
      padding: 1,
    });
    expect(message).toMatch(/^Adapted to 32×32×3 and 10 classes: Input 224×224×3 → 32×32×3; /);
    expect(message).toContain('(Dense) units 1000 → 10');
    expect(message).toContain('conv1 (Conv2D) 11×11 stride 4 → 3×3 stride 1 (pad 1)');
    expect(analyzeNetwork(doc).valid).toBe(true);
  });

  it('lists the same changes as the gallery for the same target', () => {
    const gallery = buildTemplate('resnet50', { input: [32, 32, 3], classes: 10 });
    const loaded = adaptNetwork(buildTemplate('resnet50').doc, { input: [32, 32, 3], classes: 10 });
    for (const result of [gallery, loaded]) {
      expect(result.message).toMatch(
        /^Adapted to 32×32×3 and 10 classes: Input 224×224×3 → 32×32×3; /,
      );
      expect(result.message).toMatch(/conv1 .*7×7 stride 2 → 3×3 stride 1 \(pad 1\)/);
    }
  });

  it('leaves a small network’s first conv alone and says when nothing changes', () => {
    const lenet = buildTemplate('lenet5').doc;
    const { doc } = adaptNetwork(lenet, { input: [28, 28, 1] });
    expect(doc.nodes.find((n) => n.type === 'Conv2D')!.params.kernelSize).toBe(5);
    expect(adaptNetwork(lenet, {}).message).toBe('Nothing to adapt: the network already fits.');
  });
});
