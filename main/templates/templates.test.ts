import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { analyzeNetwork } from '../network/analyze.ts';
import { buildTemplate, listTemplates, templateInfos } from './index.ts';

// Reference numbers computed by scripts/goldens/templates.py with torch/torchvision, not by our engine.
const golden = z.object({
  input: z.tuple([z.number(), z.number(), z.number()]),
  trainableParams: z.number(),
  nonTrainableParams: z.number(),
  macs: z.number(),
  outputShape: z.array(z.number()),
});
const goldens = z
  .object({ templates: z.record(z.string(), golden) })
  .parse(JSON.parse(readFileSync(new URL('./goldens.json', import.meta.url), 'utf8'))).templates;

const IDS = [
  'lenet5',
  'cifar-small',
  'alexnet',
  'vgg11',
  'vgg13',
  'vgg16',
  'vgg19',
  'googlenet',
  'resnet18',
  'resnet34',
  'resnet50',
  'resnet101',
  'resnet152',
];

describe('template catalogue', () => {
  it('lists every template once, with a name, a description and defaults', () => {
    const list = listTemplates();
    expect(list.map((t) => t.id)).toEqual(IDS);
    for (const t of list) {
      expect(t.name.length).toBeGreaterThan(2);
      expect(t.description.length).toBeGreaterThan(80);
      expect(t.defaultInput).toHaveLength(3);
      expect(t.defaultClasses).toBeGreaterThanOrEqual(2);
    }
  });

  it('reports counts at the default input in templateInfos()', () => {
    const resnet50 = templateInfos().find((t) => t.id === 'resnet50');
    expect(resnet50?.trainableParams).toBe(25_557_032);
    expect(resnet50?.macs).toBe(goldens.resnet50!.macs);
  });

  it('uses readable node ids and composite blocks', () => {
    const resnet = buildTemplate('resnet50').doc;
    expect(resnet.nodes.map((n) => n.id)).toContain('layer2.0');
    expect(resnet.nodes.filter((n) => n.type === 'ResidualBlock')).toHaveLength(16);
    const googlenet = buildTemplate('googlenet').doc;
    expect(googlenet.nodes.filter((n) => n.type === 'Inception').map((n) => n.id)).toEqual([
      'inception3a',
      'inception3b',
      'inception4a',
      'inception4b',
      'inception4c',
      'inception4d',
      'inception4e',
      'inception5a',
      'inception5b',
    ]);
    // Small enough for a readable canvas.
    expect(buildTemplate('resnet152').doc.nodes.length).toBeLessThan(60);
  });

  it('finds an id typed in another letter case', () => {
    expect(buildTemplate('VGG16').doc.name).toBe('VGG-16');
  });

  it('rejects an unknown id with the list of known ones', () => {
    expect(() => buildTemplate('resnet9000')).toThrow(
      /unknown template 'resnet9000'; available: lenet5, cifar-small/,
    );
  });
});

describe('counts match PyTorch', () => {
  const cases = IDS.map((id) => [id, id] as const);
  it.each(cases)('%s at its default input', (id) => {
    const ref = goldens[id];
    if (!ref) throw new Error(`no golden for ${id}; run scripts/goldens/templates.py`);
    const meta = listTemplates().find((t) => t.id === id)!;
    expect(meta.defaultInput).toEqual(ref.input);
    const analysis = analyzeNetwork(buildTemplate(id).doc);
    expect(analysis.valid).toBe(true);
    expect(analysis.totals.trainableParams).toBe(ref.trainableParams);
    expect(analysis.totals.nonTrainableParams).toBe(ref.nonTrainableParams);
    // The issue allows 0.5 %; our conv + linear MAC count is exact.
    expect(Math.abs(analysis.totals.macs - ref.macs) / ref.macs).toBeLessThan(0.005);
    expect(analysis.totals.macs).toBe(ref.macs);
    const last = analysis.order[analysis.order.length - 1]!;
    expect(analysis.nodes[last]!.outputShape).toEqual(ref.outputShape);
  });

  it('matches the figures quoted in the issue', () => {
    const params = (id: string) => analyzeNetwork(buildTemplate(id).doc).totals.trainableParams;
    expect(params('alexnet')).toBe(61_100_840);
    expect(params('vgg16')).toBe(138_357_544);
    expect(params('resnet152')).toBe(60_192_808);
    const gmacs = (id: string) => analyzeNetwork(buildTemplate(id).doc).totals.macs / 1e9;
    expect(gmacs('resnet50')).toBeCloseTo(4.089, 3);
    expect(gmacs('vgg16')).toBeCloseTo(15.47, 2);
    expect(gmacs('alexnet')).toBeCloseTo(0.714, 3);
  });

  it.each([
    ['resnet18', 'resnet18@32x32x3/10'],
    ['resnet50', 'resnet50@32x32x3/10'],
  ])('%s adapted to 32×32×3 / 10 classes matches torchvision with a CIFAR stem', (id, key) => {
    const ref = goldens[key]!;
    const { doc, changes } = buildTemplate(id, { input: [32, 32, 3], classes: 10 });
    const analysis = analyzeNetwork(doc);
    expect(analysis.valid).toBe(true);
    expect(analysis.totals.trainableParams).toBe(ref.trainableParams);
    expect(analysis.totals.macs).toBe(ref.macs);
    expect(changes.join('\n')).toMatch(
      /stem: conv1 7×7 stride 2 → 3×3 stride 1 \(pad 1\) and the max pool removed/,
    );
  });
});

describe('receptive fields of the classic networks', () => {
  // Hand-derived (size += (k − 1)·jump, jump ×= stride), matching the published figures:
  // VGG-16 conv5_3 sees 196×196 px; torchvision's ResNet-50 (stride on the 3×3) ends at 427×427.
  const rf = (id: string, node: string) =>
    analyzeNetwork(buildTemplate(id).doc).nodes[node]!.receptiveField;

  it('VGG-16: 5×5 after two 3×3 convs, 196×196 at conv5_3 with a jump of 16', () => {
    expect(rf('vgg16', 'conv1_2')).toEqual({ size: [5, 5], jump: [1, 1] });
    expect(rf('vgg16', 'pool1')).toEqual({ size: [6, 6], jump: [2, 2] });
    expect(rf('vgg16', 'conv5_3')).toEqual({ size: [196, 196], jump: [16, 16] });
  });

  it('ResNet-50: 11×11 after the stem, 427×427 at the last block with a jump of 32', () => {
    expect(rf('resnet50', 'maxpool')).toEqual({ size: [11, 11], jump: [4, 4] });
    expect(rf('resnet50', 'layer1.2')).toEqual({ size: [35, 35], jump: [4, 4] });
    expect(rf('resnet50', 'layer4.2')).toEqual({ size: [427, 427], jump: [32, 32] });
  });

  it('GoogLeNet: the 5×5 branch sets the Inception field (27 + 4·8 = 59 at 3a)', () => {
    expect(rf('googlenet', 'pool2')).toEqual({ size: [27, 27], jump: [8, 8] });
    expect(rf('googlenet', 'inception3a')).toEqual({ size: [59, 59], jump: [8, 8] });
  });
});
