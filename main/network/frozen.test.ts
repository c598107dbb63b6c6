import { describe, expect, it } from 'vitest';
import { inspectJson } from '../cli/format/inspectJson.ts';
import { inspectTable } from '../cli/format/inspectTable.ts';
import { parseNetworkText, serializeNetwork } from '../files/index.ts';
import { analyzeNetwork } from './analyze.ts';
import { expandComposites } from './expand.ts';
import { frozenParams } from './frozen.ts';
import { chain } from './testDocs.ts';

/** conv(3→8, 3×3) = 224 params, a basic residual block on 8 channels, dense(8→4) = 36. */
function design(frozen: string[]) {
  const doc = chain(
    [8, 8, 3],
    ['Conv2D', { filters: 8, kernelSize: 3, padding: 'same' }, 'c1'],
    ['ResidualBlock', { variant: 'basic', filters: 8 }, 'res'],
    ['GlobalAvgPool2D', {}, 'gap'],
    ['Dense', { units: 4 }, 'fc'],
  );
  for (const n of doc.nodes) if (frozen.includes(n.id)) n.frozen = true;
  return doc;
}
// torchvision BasicBlock(8, 8): two 3×3 convs without bias + two BNs (gamma, beta).
const RES = 2 * 3 * 3 * 8 * 8 + 2 * 2 * 8;

describe('frozen layers', () => {
  it('are kept in the file only when frozen, and read back', () => {
    const text = serializeNetwork(design(['c1']));
    expect(text).toContain('"frozen": true');
    expect(text.match(/"frozen"/g)).toHaveLength(1);
    expect(parseNetworkText(text, 'x.netd.json').nodes[1]!.frozen).toBe(true);
    expect(serializeNetwork(design([]))).not.toContain('frozen');
  });

  it('refuses a frozen flag that is not a boolean, naming the node', () => {
    const text = serializeNetwork(design([])).replace(
      '"id": "c1",',
      '"id": "c1", "frozen": "yes",',
    );
    expect(() => parseNetworkText(text, 'x.netd.json')).toThrow(
      /nodes\[1\].*frozen.*true or false/,
    );
  });

  it('count apart from the parameters that train; a frozen block freezes every layer inside', () => {
    const doc = design(['c1', 'res']);
    const analysis = analyzeNetwork(doc);
    expect(frozenParams(doc, analysis)).toBe(224 + RES);
    expect(analysis.totals.trainableParams).toBe(224 + RES + 36);
    expect(
      expandComposites(doc)
        .nodes.filter((n) => n.id.startsWith('res/'))
        .every((n) => n.frozen),
    ).toBe(true);
  });

  it('show in netd inspect (table and JSON)', () => {
    const doc = design(['c1']);
    const analysis = analyzeNetwork(doc);
    const json = inspectJson(analysis, doc);
    expect(json.nodes.find((n) => n.id === 'c1')).toMatchObject({
      frozen: true,
      trainableParams: 224,
    });
    expect(json.nodes.find((n) => n.id === 'fc')).not.toHaveProperty('frozen');
    expect(json.totals.frozenParams).toBe(224);
    expect(inspectJson(analyzeNetwork(design([])), design([])).totals).not.toHaveProperty(
      'frozenParams',
    );
    const table = inspectTable(doc, analysis);
    expect(table).toMatch(/c1\s+Conv2D \(frozen\)/);
    expect(table).toContain(`  frozen:              224 (kept as loaded; 1,220 train)`);
  });
});
