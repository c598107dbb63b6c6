/**
 * The compact analysis reply: after an edit the host sends only what changed, the renderer
 * rebuilds exactly the host's analysis from it (checked against a from-scratch one), a reply that
 * does not fit what the caller holds is refused, and a malformed reply is caught on arrival.
 */
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../network/analyze.ts';
import { expandComposites } from '../network/expand.ts';
import { computeStages } from '../network/stages.ts';
import { chain, makeDoc } from '../network/testDocs.ts';
import type { NetworkAnalysis, NetworkDoc } from '../network/types.ts';
import { buildTemplate } from '../templates/index.ts';
import { analysisUpdateSchema, applyAnalysisUpdate, diffAnalysis } from './analysisUpdate.ts';
import { createAnalysisService, KEPT_VERSIONS } from './analysisService.ts';

/** What `networkAnalyze` answers for `doc`, from scratch. */
function fresh(doc: NetworkDoc): NetworkAnalysis {
  const a = analyzeNetwork(doc);
  return { ...a, stages: computeStages(doc, a) };
}

/** `doc` with node `id`'s params merged with `params`. */
function withParams(doc: NetworkDoc, id: string, params: Record<string, unknown>): NetworkDoc {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, ...params } } : n)),
  };
}

/** As the reply crosses a transport: JSON text, parsed and checked on arrival. */
const overTheWire = (update: unknown) =>
  analysisUpdateSchema.parse(JSON.parse(JSON.stringify(update)));

describe('analysis update', () => {
  const resnet = expandComposites(buildTemplate('resnet152').doc);
  const stem = resnet.nodes.find((n) => n.type === 'Conv2D')!.id;

  it("after an edit of one layer of ResNet-152 expanded, sends a few layers' analyses and rebuilds the host's analysis", () => {
    const host = createAnalysisService();
    const first = overTheWire(host.update(resnet));
    expect(first.kind).toBe('full');
    const held = applyAnalysisUpdate(null, first)!;
    expect(held).toEqual(fresh(resnet));

    const edited = withParams(resnet, stem, { filters: 24 });
    const reply = host.update(edited, first.version);
    const text = JSON.stringify(reply);
    const update = overTheWire(reply);
    expect(update.kind).toBe('delta');
    if (update.kind !== 'delta') return;
    expect(update.base).toBe(first.version);
    expect(update.version).not.toBe(first.version);
    expect(Object.keys(update.nodes)).toContain(stem);
    expect(Object.keys(update.nodes).length).toBeLessThan(12);
    expect(update.order).toBeUndefined();
    // A few KB instead of the ~250 KB of the whole analysis.
    expect(text.length).toBeLessThan(JSON.stringify(held).length / 10);

    const next = applyAnalysisUpdate({ version: first.version, analysis: held }, update)!;
    expect(next).toEqual(fresh(edited));
    expect(next.totals.trainableParams).not.toBe(held.totals.trainableParams);
    // Untouched layers keep their objects (their cards need not re-render).
    const last = resnet.nodes.at(-1)!.id;
    expect(next.nodes[last]).toBe(held.nodes[last]);
    expect(next.problems).toBe(held.problems);
  });

  it('sends the order and problems when they change, and rebuilds a deleted or added layer', () => {
    const host = createAnalysisService();
    const doc = chain(
      [8, 8, 1],
      ['Conv2D', { filters: 4, kernelSize: 3 }, 'c1'],
      ['GlobalAvgPool2D', {}, 'gap'],
      ['Dense', { units: 2 }, 'fc'],
    );
    const v1 = overTheWire(host.update(doc));
    let held = applyAnalysisUpdate(null, v1)!;
    // A dangling Conv2D: new node, new order, new problem (unused output).
    const more: NetworkDoc = {
      ...doc,
      nodes: [...doc.nodes, { id: 'extra', type: 'Conv2D', params: { filters: 2, kernelSize: 3 } }],
      edges: [...doc.edges, { source: 'c1', target: 'extra' }],
    };
    const v2 = overTheWire(host.update(more, v1.version));
    expect(v2.kind === 'delta' && v2.order && v2.problems).toBeTruthy();
    held = applyAnalysisUpdate({ version: v1.version, analysis: held }, v2)!;
    expect(held).toEqual(fresh(more));
    const v3 = overTheWire(host.update(doc, v2.version));
    expect(applyAnalysisUpdate({ version: v2.version, analysis: held }, v3)).toEqual(fresh(doc));
  });

  it('answers whole when the caller names a version the host no longer keeps', () => {
    const host = createAnalysisService();
    const doc = chain([8, 8, 1], ['Conv2D', { filters: 4, kernelSize: 3 }, 'c1']);
    const first = host.update(doc);
    for (let i = 0; i <= KEPT_VERSIONS; i++) host.update(withParams(doc, 'c1', { filters: 5 + i }));
    expect(host.update(doc, first.version).kind).toBe('full');
    expect(host.update(doc, 12345).kind).toBe('full');
  });

  it('refuses a delta that does not apply to what the caller holds', () => {
    const doc = chain([8, 8, 1], ['Conv2D', { filters: 4, kernelSize: 3 }, 'c1']);
    const a = fresh(doc);
    const b = fresh(withParams(doc, 'c1', { filters: 6 }));
    const delta = diffAnalysis({ version: 1, analysis: a }, b, 2);
    expect(applyAnalysisUpdate({ version: 7, analysis: a }, delta)).toBeNull();
    expect(applyAnalysisUpdate(null, delta)).toBeNull();
    // A delta that names a node the caller does not have.
    const other = fresh(chain([8, 8, 1], ['Conv2D', { filters: 4, kernelSize: 3 }, 'other']));
    expect(applyAnalysisUpdate({ version: 1, analysis: other }, delta)).toBeNull();
  });

  it('keeps node ids like __proto__ and toString as ordinary keys across the wire', () => {
    const doc = makeDoc(
      [
        { id: '__proto__', type: 'Input', params: { shape: [8, 8, 1] } },
        { id: 'toString', type: 'Conv2D', params: { filters: 2, kernelSize: 3 } },
      ],
      [['__proto__', 'toString']],
    );
    const host = createAnalysisService();
    const first = overTheWire(host.update(doc));
    const held = applyAnalysisUpdate(null, first)!;
    expect(Object.keys(held.nodes).sort()).toEqual(['__proto__', 'toString']);
    const update = overTheWire(
      host.update(withParams(doc, 'toString', { filters: 3 }), first.version),
    );
    const next = applyAnalysisUpdate({ version: first.version, analysis: held }, update)!;
    expect(next.nodes['toString']?.outputShape).toEqual([6, 6, 3]);
    expect(next.nodes['__proto__']).toBe(held.nodes['__proto__']);
  });

  it('catches a malformed reply on arrival, naming where', () => {
    const host = createAnalysisService();
    const doc = chain([8, 8, 1], ['Conv2D', { filters: 4, kernelSize: 3 }, 'c1']);
    const first = host.update(doc);
    const update = JSON.parse(
      JSON.stringify(host.update(withParams(doc, 'c1', { filters: 5 }), first.version)),
    );
    update.nodes.c1.outputShape = 'big';
    const r = analysisUpdateSchema.safeParse(update);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['nodes', 'c1', 'outputShape']);
    expect(analysisUpdateSchema.safeParse({ kind: 'delta', version: 2 }).success).toBe(false);
    const bad = JSON.parse(JSON.stringify(first));
    bad.analysis.problems = [{ severity: 'error', code: 'no-such-code', message: 'x' }];
    expect(analysisUpdateSchema.safeParse(bad).success).toBe(false);
  });
});
