import { describe, expect, it } from 'vitest';
import { convPoolNet, makeDoc } from '../../network/testDocs.ts';
import type { DataDescription } from '../types.ts';
import { checkDataFits } from './checkDataFits.ts';

const fashion: DataDescription = {
  spec: 'fashion-mnist',
  format: 'idx',
  path: '/x',
  inputShape: [28, 28, 1],
  classes: Array.from({ length: 10 }, (_, i) => `c${i}`),
  trainCount: 10,
  testCount: 10,
};

describe('checkDataFits', () => {
  it('is empty when data and network fit', () => {
    expect(checkDataFits(fashion, convPoolNet([28, 28, 1], 10))).toEqual([]);
  });

  it('asks for a Dense classifier when the output is fed by a loop of activations', () => {
    // out ← a ⇄ b: the only output sits behind a loop (analysis reports the loop itself).
    const doc = makeDoc(
      [
        { id: 'in', type: 'Input', params: { shape: [28, 28, 1] } },
        { id: 'a', type: 'Activation', params: {} },
        { id: 'b', type: 'Dropout', params: {} },
        { id: 'out', type: 'Activation', params: { fn: 'softmax' } },
      ],
      [
        ['b', 'a'],
        ['a', 'b'],
        ['a', 'out'],
      ],
    );
    expect(checkDataFits(fashion, doc)).toEqual([
      expect.stringMatching(/^the network must end in a Dense layer with one unit per class/),
    ]);
  });

  it('explains a channel mismatch with the fix', () => {
    expect(checkDataFits(fashion, convPoolNet([28, 28, 3], 10))).toEqual([
      "the data has 1 channel but the network's Input expects 3 — set Input shape to [28,28,1] or use 'Adapt network to data' (netd train --adapt)",
    ]);
  });

  it('explains a size mismatch and a class mismatch', () => {
    expect(checkDataFits(fashion, convPoolNet([32, 32, 3], 4))).toEqual([
      "the data's images are 28×28 with 1 channel but the network's Input expects 32×32×3 — set Input shape to [28,28,1] or use 'Adapt network to data' (netd train --adapt)",
      "the data has 10 classes but the last Dense layer 'fc' has 4 units — set its units to 10 or use 'Adapt network to data' (netd train --adapt)",
    ]);
  });

  it('does not ask synthetic data or image folders to match size or channels (they are drawn/resized to fit)', () => {
    const synth: DataDescription = {
      ...fashion,
      format: 'synthetic',
      inputShape: [32, 32, 3],
      classes: ['a', 'b', 'c', 'd'],
    };
    expect(checkDataFits(synth, convPoolNet([16, 16, 1], 4))).toEqual([]);
    expect(
      checkDataFits({ ...synth, format: 'image-folder' }, convPoolNet([64, 64, 3], 4)),
    ).toEqual([]);
  });

  it('finds the classifier behind a trailing activation and asks for one when missing', () => {
    const doc = convPoolNet([28, 28, 1], 4);
    doc.nodes.push({ id: 'act', type: 'Activation', params: { fn: 'softmax' } });
    doc.edges.push({ source: 'fc', target: 'act' });
    expect(checkDataFits(fashion, doc)[0]).toMatch(/last Dense layer 'fc' has 4 units/);
    const noDense = convPoolNet([28, 28, 1], 4);
    noDense.nodes = noDense.nodes.filter((n) => n.id !== 'fc');
    noDense.edges = noDense.edges.filter((e) => e.target !== 'fc');
    expect(checkDataFits(fashion, noDense)).toEqual([
      'the network must end in a Dense layer with one unit per class (10) — add Dense(10) with softmax at the end',
    ]);
  });
});
