import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from './analyze.ts';
import type { NetworkDoc } from './types.ts';

const doc: NetworkDoc = {
  format: 'netdesigner.network',
  version: 1,
  name: 'Shortcuts',
  nodes: [
    { id: 'in', type: 'Input', params: { shape: [32, 32, 64] } },
    { id: 'same', type: 'ResidualBlock', params: { variant: 'basic', filters: 64 } },
    { id: 'down', type: 'ResidualBlock', params: { variant: 'basic', filters: 128, strides: 2 } },
    { id: 'wider', type: 'ResidualBlock', params: { variant: 'bottleneck', filters: 32 } },
    { id: 'conv', type: 'Conv2D', params: { filters: 8, kernelSize: 1 } },
  ],
  edges: [
    { source: 'in', target: 'same' },
    { source: 'same', target: 'down' },
    { source: 'down', target: 'wider' },
    { source: 'wider', target: 'conv' },
  ],
};

describe('a residual block says which shortcut it has', () => {
  const a = analyzeNetwork(doc);
  it('identity when its output has the input shape', () => {
    expect(a.nodes.same?.shortcut).toBe('identity');
  });
  it('a projection when the stride or the channels change the shape', () => {
    expect(a.nodes.down?.shortcut).toBe('projection');
    // bottleneck 32 → 128 channels out of 128 in: identity again.
    expect(a.nodes.wider?.shortcut).toBe('identity');
  });
  it('nothing for layers without a shortcut', () => {
    expect(a.nodes.conv?.shortcut).toBeUndefined();
  });
});
