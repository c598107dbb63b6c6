/** Stages: what a reader folds the classics into, and totals that add up to the network's. */
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../templates/index.ts';
import { analyzeNetwork } from './analyze.ts';
import { expandComposites } from './expand.ts';
import { computeStages, stageGroupOf } from './stages.ts';
import { chain, makeDoc } from './testDocs.ts';
import type { NetworkDoc } from './types.ts';

const stagesOf = (doc: NetworkDoc) => computeStages(doc, analyzeNetwork(doc));
const names = (doc: NetworkDoc) => stagesOf(doc).map((s) => s.name);
const template = (id: string) => buildTemplate(id, {}).doc;

describe('stageGroupOf', () => {
  it.each([
    ['layer1.0', 'layer1'],
    ['layer3.1/conv2', 'layer3'],
    ['inception4c', '#4'],
    ['inception4c/b3r', '#4'],
    ['conv2_1', '#2'],
    ['relu1_2', '#1'],
    ['res/conv1', 'res'],
    ['conv1', null],
    ['fc6', null],
    ['conv2_reduce', null],
  ])('%s → %s', (id, group) => expect(stageGroupOf(id)).toBe(group));
});

describe('computeStages on the templates', () => {
  it.each([
    ['resnet18', ['input', '112×112', 'layer1', 'layer2', 'layer3', 'layer4', 'classifier']],
    ['vgg16', ['input', 'conv1', 'conv2', 'conv3', 'conv4', 'conv5', 'classifier']],
    [
      'googlenet',
      ['input', '112×112', '56×56', 'inception3', 'inception4', 'inception5', 'classifier'],
    ],
    ['cifar-small', ['input', 'stage 1', 'stage 2', 'stage 3', 'classifier']],
    ['alexnet', ['input', '55×55', '27×27', '13×13', 'classifier']],
  ])('%s has the stages %j', (id, expected) => {
    expect(names(template(id))).toEqual(expected);
  });

  it('puts the pool that ends a block into that block (VGG, GoogLeNet) and the stem pool into the stem', () => {
    const vgg = stagesOf(template('vgg16'));
    expect(vgg[1]!.nodeIds).toEqual(['conv1_1', 'conv1_2', 'pool1']);
    const google = stagesOf(template('googlenet'));
    expect(google.find((s) => s.name === 'inception3')!.nodeIds).toEqual([
      'inception3a',
      'inception3b',
      'pool3',
    ]);
    const resnet = stagesOf(template('resnet18'));
    expect(resnet[1]!.nodeIds).toEqual(['conv1', 'bn1', 'relu', 'maxpool']);
    expect(resnet[1]!.outputShape).toEqual([56, 56, 64]);
  });

  it('stage totals add up to the network totals, collapsed or expanded, with the same stages', () => {
    for (const id of ['resnet50', 'googlenet']) {
      const doc = template(id);
      const analysis = analyzeNetwork(doc);
      const collapsed = computeStages(doc, analysis);
      for (const key of ['trainableParams', 'nonTrainableParams', 'macs'] as const)
        expect(collapsed.reduce((sum, s) => sum + s.totals[key], 0)).toBe(analysis.totals[key]);
      const expanded = stagesOf(expandComposites(doc));
      expect(expanded.map((s) => s.name)).toEqual(collapsed.map((s) => s.name));
      expect(expanded.map((s) => s.totals.trainableParams)).toEqual(
        collapsed.map((s) => s.totals.trainableParams),
      );
      expect(expanded.map((s) => s.outputShape)).toEqual(collapsed.map((s) => s.outputShape));
    }
  });

  it('gives each stage the receptive field of its last layer', () => {
    const doc = template('resnet18');
    const analysis = analyzeNetwork(doc);
    const layer1 = computeStages(doc, analysis).find((s) => s.name === 'layer1')!;
    expect(layer1.nodeIds).toEqual(['layer1.0', 'layer1.1']);
    expect(layer1.receptiveField).toEqual(analysis.nodes['layer1.1']!.receptiveField);
    expect(layer1.totals.trainableParams).toBe(2 * analysis.nodes['layer1.0']!.trainableParams);
  });
});

describe('computeStages on unnamed layers', () => {
  it('splits where the output size changes and names repeats apart', () => {
    const doc = chain(
      [32, 32, 3],
      ['Conv2D', { filters: 8, kernelSize: 3, padding: 'same' }],
      ['Conv2D', { filters: 8, kernelSize: 3, padding: 'same' }],
      ['MaxPool2D', {}],
      ['Conv2D', { filters: 16, kernelSize: 3, padding: 'same' }],
      ['Conv2D', { filters: 16, kernelSize: 3, strides: 2, padding: 'same' }],
      ['Conv2D', { filters: 16, kernelSize: 3, padding: 'same' }],
      ['Conv2D', { filters: 16, kernelSize: 3, strides: 2, padding: 'same' }],
      ['AvgPool2D', { poolSize: 1 }],
      ['AvgPool2D', { poolSize: 1 }],
      ['GlobalAvgPool2D', {}],
      ['Dense', { units: 10 }],
    );
    expect(stagesOf(doc).map((s) => [s.name, s.nodeIds])).toEqual([
      ['input', ['in']],
      ['32×32', ['l1', 'l2', 'l3']],
      ['16×16', ['l4']],
      ['8×8', ['l5', 'l6']],
      ['4×4', ['l7', 'l8']],
      ['4×4 (2)', ['l9']],
      ['classifier', ['l10', 'l11']],
    ]);
  });

  it('never throws on a broken network and keeps every node in one stage', () => {
    const doc = makeDoc(
      [
        { id: 'in', type: 'Input', params: { shape: [8, 8, 1] } },
        { id: 'a', type: 'Conv2D', params: { filters: 2, kernelSize: 9 } },
        { id: 'b', type: 'Nope', params: {} },
        { id: 'c', type: 'Dense', params: { units: 2 } },
      ],
      [
        ['in', 'a'],
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'b'],
      ],
    );
    const stages = stagesOf(doc);
    expect(stages.flatMap((s) => s.nodeIds).sort()).toEqual(['a', 'b', 'c', 'in']);
    expect(stages.every((s) => Number.isFinite(s.totals.trainableParams))).toBe(true);
  });
});
