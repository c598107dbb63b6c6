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
    expect(changes.join('\n')).toMatch(/stem: conv1 7×7 stride 2 → 3×3 stride 1/);
  });
});
