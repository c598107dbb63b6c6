import { describe, expect, it } from 'vitest';
import { parseNetworkText, serializeNetwork } from './parse.ts';

const base = {
  format: 'netdesigner.network',
  version: 1,
  name: 'Tiny',
  nodes: [{ id: 'in', type: 'Input', params: { shape: [8, 8, 3] } }],
  edges: [],
};

describe('the optional "layout" field (diagram settings)', () => {
  it('round-trips direction, wrap and folded stages', () => {
    const layout = { direction: 'right', wrap: false, folded: ['layer1', 'layer3'] };
    const doc = parseNetworkText(JSON.stringify({ ...base, layout }));
    expect(doc.layout).toEqual(layout);
    expect(parseNetworkText(serializeNetwork(doc))).toEqual(doc);
  });

  it('leaves a version-1 file without it unchanged', () => {
    const doc = parseNetworkText(JSON.stringify(base));
    expect(doc.layout).toBeUndefined();
    expect(serializeNetwork(doc)).not.toContain('layout');
  });

  it('names the field of a bad value', () => {
    expect(() =>
      parseNetworkText(JSON.stringify({ ...base, layout: { direction: 'up' } })),
    ).toThrow(/layout\.direction/);
  });
});
