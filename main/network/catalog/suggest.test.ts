/** "Did you mean" for the spellings students actually type (Keras / PyTorch habits, typos). */
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../analyze.ts';
import { chain } from '../testDocs.ts';
import { closestName } from './suggest.ts';
import { LAYER_TYPES } from './registry.ts';

describe('closestName', () => {
  it.each([
    ['conv2d', 'Conv2D'],
    ['MaxPool', 'MaxPool2D'],
    ['BatchNormalization', 'BatchNorm'],
    ['GlobalAveragePooling2D', undefined],
    ['Dence', 'Dense'],
    ['Transformer', undefined],
  ])('%s → %s', (typed, meant) => expect(closestName(typed, LAYER_TYPES)).toBe(meant));
});

describe('messages', () => {
  const errors = (...layers: Parameters<typeof chain>[1][]) =>
    analyzeNetwork(chain([8, 8, 1], ...layers)).problems.filter((p) => p.severity === 'error');

  it('suggests the param a student meant (snake_case, singular, typo)', () => {
    const found = errors([
      'Conv2D',
      { filters: 4, kernel_size: 3, stride: 2, activaton: 'relu', kernelSize: 3 },
      'c',
    ]).map((p) => [p.param, p.message]);
    expect(found).toEqual([
      ['kernel_size', "Conv2D 'c': unknown param 'kernel_size' — did you mean 'kernelSize'?"],
      ['stride', "Conv2D 'c': unknown param 'stride' — did you mean 'strides'?"],
      ['activaton', "Conv2D 'c': unknown param 'activaton' — did you mean 'activation'?"],
    ]);
  });

  it('lists the known params or types when nothing is close', () => {
    expect(errors(['Conv2D', { filters: 4, kernelSize: 3, colour: 2 }, 'c'])[0]!.message).toBe(
      "Conv2D 'c': unknown param 'colour' (known params: filters, kernelSize, strides, padding, dilation, useBias, activation)",
    );
    expect(errors(['Transformer', {}, 't'])[0]!.message).toMatch(
      /unknown layer type 'Transformer' — known types are Input, Conv2D, .*ResidualBlock$/,
    );
    expect(errors(['MaxPool', {}, 'p'])[0]!.message).toBe(
      "MaxPool 'p': unknown layer type 'MaxPool' — did you mean 'MaxPool2D'?",
    );
  });
});
