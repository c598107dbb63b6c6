import { describe, expect, it } from 'vitest';
import type { NetworkDoc } from '../../main/network/types.ts';
import { stubAnalysis } from '../testing/analysisStub.ts';
import { layoutDoc } from '../graph/layout.ts';
import { diagramSvg, type SvgTheme } from './svg.ts';
import { buildView } from './view.ts';

const theme: SvgTheme = {
  background: '#fafbfc',
  panel: '#ffffff',
  panel2: '#f5f6f8',
  border: '#dfe2e8',
  borderStrong: '#c9ced7',
  text: '#1b2130',
  text2: '#535c6e',
  text3: '#8a92a2',
  error: '#d0343a',
  warning: '#d98a09',
  merge: '#d6458f',
  groups: { Input: '#5f6f86', Convolution: '#3573e6', Blocks: '#5b5fe0' },
};

const doc: NetworkDoc = layoutDoc(
  {
    format: 'netdesigner.network',
    version: 1,
    name: 'Tiny <net> & co',
    nodes: [
      { id: 'in', type: 'Input', params: { shape: [32, 32, 3] } },
      { id: 'c1', type: 'Conv2D', params: { filters: 16, kernelSize: 3 } },
      { id: 'c2', type: 'Conv2D', params: { filters: 16, kernelSize: 3 } },
      { id: 'c3', type: 'Conv2D', params: { filters: 16, kernelSize: 3 } },
    ],
    edges: [
      { source: 'in', target: 'c1' },
      { source: 'c1', target: 'c2' },
      { source: 'c2', target: 'c3' },
    ],
  },
  'all',
);
const analysis = {
  ...stubAnalysis({ in: [32, 32, 3], c1: [30, 30, 16], c2: [28, 28, 16], c3: [26, 26, 16] }),
  stages: [
    {
      name: 'convs',
      named: true,
      nodeIds: ['c1', 'c2', 'c3'],
      outputShape: [26, 26, 16],
      receptiveField: null,
      totals: {
        trainableParams: 5_088,
        nonTrainableParams: 0,
        macs: 3_000_000,
        activationBytes: 0,
        trainingActivationBytes: 0,
      },
    },
  ],
};
const groups = new Map([
  ['Input', 'Input' as const],
  ['Conv2D', 'Convolution' as const],
]);

describe('SVG export', () => {
  const drawing = diagramSvg({
    name: doc.name,
    view: buildView(doc, analysis),
    analysis,
    groups,
    theme,
  });

  it('is a vector drawing of rectangles, paths and text, without embedded HTML', () => {
    expect(drawing.svg).not.toMatch(/foreignObject|<div|<img|xhtml/i);
    expect(drawing.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(drawing.svg.match(/<rect /g)?.length).toBeGreaterThanOrEqual(4);
    expect(drawing.svg).toContain('<path ');
    // Every card with its type and output shape, the name escaped.
    for (const shape of ['32×32×3', '30×30×16', '28×28×16', '26×26×16'])
      expect(drawing.svg).toContain(shape);
    expect(drawing.svg).toContain('Tiny &lt;net&gt; &amp; co');
    expect(drawing.cards).toHaveLength(4);
  });

  it('is small: a few KB for a small network', () => {
    expect(drawing.svg.length).toBeLessThan(20_000);
  });

  it('honours the fold state: a folded stage is one box with its layer count', () => {
    const folded = { ...doc, layout: { folded: ['convs'] } };
    const d = diagramSvg({ name: 'F', view: buildView(folded, analysis), analysis, groups, theme });
    expect(d.cards).toHaveLength(2);
    expect(d.svg).toContain('data-stage="convs"');
    expect(d.svg).toContain('3 layers');
    expect(d.svg).not.toContain('30×30×16');
  });

  it('draws in the theme it is given', () => {
    const dark = { ...theme, background: '#14171d' };
    const d = diagramSvg({
      name: 'D',
      view: buildView(doc, analysis),
      analysis,
      groups,
      theme: dark,
    });
    expect(d.svg).toContain('fill="#14171d"');
  });
});
