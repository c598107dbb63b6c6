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
import {
  analysisUpdateSchema,
  applyAnalysisUpdate,
  applyDocEdit,
  diffAnalysis,
  docEdit,
  type AnalysisUpdate,
} from './analysisUpdate.ts';
import { createAnalysisService, KEPT_VERSIONS } from './analysisService.ts';
import { requestSchemas } from './schemas.ts';

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

/** The version of a reply that must have one. */
function versionOf(update: AnalysisUpdate): number {
  if (update.kind === 'stale') throw new Error('unexpected stale reply');
  return update.version;
}

/** As the reply crosses a transport: JSON text, parsed and checked on arrival. */
const overTheWire = (update: unknown) =>
  analysisUpdateSchema.parse(JSON.parse(JSON.stringify(update)));

describe('analysis update', () => {
  const resnet = expandComposites(buildTemplate('resnet152').doc);
  const stem = resnet.nodes.find((n) => n.type === 'Conv2D')!.id;

  it('an edit reuses the analysis of the version it edits, even after another design was analysed in between', () => {
    const host = createAnalysisService();
    const first = host.update({ doc: resnet });
    if (first.kind !== 'full') throw new Error('expected a full reply');
    // Meanwhile the compare view analyses another design, and another window edits a third.
    host.analyze(buildTemplate('lenet5').doc);
    host.update({ doc: buildTemplate('vgg16').doc });
    const last = resnet.nodes[resnet.nodes.length - 1]!.id;
    const edited = withParams(resnet, last, { units: 7 });
    const again = host.update({ edit: docEdit(resnet, edited, first.version)! });
    if (again.kind !== 'full') throw new Error('expected a full reply');
    // Layers above the edit are the very objects of the first analysis: reused, not recomputed.
    expect(again.analysis.nodes[stem]).toBe(first.analysis.nodes[stem]);
    expect(again.analysis).toEqual(fresh(edited));
  });

  it("after an edit of one layer of ResNet-152 expanded, sends a few layers' analyses and rebuilds the host's analysis", () => {
    const host = createAnalysisService();
    const first = overTheWire(host.update({ doc: resnet }));
    expect(first.kind).toBe('full');
    const held = applyAnalysisUpdate(null, first)!;
    expect(held).toEqual(fresh(resnet));

    const edited = withParams(resnet, stem, { filters: 24 });
    const reply = host.update({ doc: edited, since: versionOf(first) });
    const text = JSON.stringify(reply);
    const update = overTheWire(reply);
    expect(update.kind).toBe('delta');
    if (update.kind !== 'delta') return;
    expect(update.base).toBe(versionOf(first));
    expect(update.version).not.toBe(versionOf(first));
    expect(Object.keys(update.nodes)).toContain(stem);
    expect(Object.keys(update.nodes).length).toBeLessThan(12);
    expect(update.order).toBeUndefined();
    // A few KB instead of the ~250 KB of the whole analysis.
    expect(text.length).toBeLessThan(JSON.stringify(held).length / 10);

    const next = applyAnalysisUpdate({ version: versionOf(first), analysis: held }, update)!;
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
    const v1 = overTheWire(host.update({ doc }));
    let held = applyAnalysisUpdate(null, v1)!;
    // A dangling Conv2D: new node, new order, new problem (unused output).
    const more: NetworkDoc = {
      ...doc,
      nodes: [...doc.nodes, { id: 'extra', type: 'Conv2D', params: { filters: 2, kernelSize: 3 } }],
      edges: [...doc.edges, { source: 'c1', target: 'extra' }],
    };
    const v2 = overTheWire(host.update({ doc: more, since: versionOf(v1) }));
    expect(v2.kind === 'delta' && v2.order && v2.problems).toBeTruthy();
    held = applyAnalysisUpdate({ version: versionOf(v1), analysis: held }, v2)!;
    expect(held).toEqual(fresh(more));
    const v3 = overTheWire(host.update({ doc, since: versionOf(v2) }));
    expect(applyAnalysisUpdate({ version: versionOf(v2), analysis: held }, v3)).toEqual(fresh(doc));
  });

  it('answers whole when the caller names a version the host no longer keeps', () => {
    const host = createAnalysisService();
    const doc = chain([8, 8, 1], ['Conv2D', { filters: 4, kernelSize: 3 }, 'c1']);
    const first = host.update({ doc });
    for (let i = 0; i <= KEPT_VERSIONS; i++)
      host.update({ doc: withParams(doc, 'c1', { filters: 5 + i }) });
    expect(host.update({ doc, since: versionOf(first) }).kind).toBe('full');
    expect(host.update({ doc, since: 12345 }).kind).toBe('full');
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
    const first = overTheWire(host.update({ doc }));
    const held = applyAnalysisUpdate(null, first)!;
    expect(Object.keys(held.nodes).sort()).toEqual(['__proto__', 'toString']);
    const update = overTheWire(
      host.update({ doc: withParams(doc, 'toString', { filters: 3 }), since: versionOf(first) }),
    );
    const next = applyAnalysisUpdate({ version: versionOf(first), analysis: held }, update)!;
    expect(next.nodes['toString']?.outputShape).toEqual([6, 6, 3]);
    expect(next.nodes['__proto__']).toBe(held.nodes['__proto__']);
  });

  it('catches a malformed reply on arrival, naming where', () => {
    const host = createAnalysisService();
    const doc = chain([8, 8, 1], ['Conv2D', { filters: 4, kernelSize: 3 }, 'c1']);
    const first = host.update({ doc });
    const update = JSON.parse(
      JSON.stringify(
        host.update({ doc: withParams(doc, 'c1', { filters: 5 }), since: versionOf(first) }),
      ),
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

  it('takes the document as an edit of a kept one: a few nodes instead of all, rebuilt exactly', () => {
    const host = createAnalysisService();
    const first = host.update({ doc: resnet });
    const edited = withParams(resnet, stem, { filters: 24 });
    const edit = docEdit(resnet, edited, versionOf(first))!;
    expect(edit.nodes.map((n) => n.id)).toEqual([stem]);
    expect(edit.order).toBeUndefined();
    expect(edit.edges).toBeUndefined();
    expect(JSON.stringify(edit).length).toBeLessThan(1000);
    expect(applyDocEdit(resnet, JSON.parse(JSON.stringify(edit)))).toEqual(edited);
    const reply = host.update({ edit: JSON.parse(JSON.stringify(edit)), since: edit.base });
    const held = applyAnalysisUpdate(null, overTheWire(first))!;
    expect(applyAnalysisUpdate({ version: edit.base, analysis: held }, overTheWire(reply))).toEqual(
      fresh(edited),
    );
  });

  it('rebuilds added, removed and moved nodes, new edges and a new name', () => {
    const doc = chain(
      [8, 8, 1],
      ['Conv2D', { filters: 4, kernelSize: 3 }, 'c1'],
      ['GlobalAvgPool2D', {}, 'gap'],
      ['Dense', { units: 2 }, 'fc'],
    );
    const next: NetworkDoc = {
      ...doc,
      name: 'Renamed',
      nodes: [
        doc.nodes[0]!,
        doc.nodes[2]!,
        { id: 'bn', type: 'BatchNorm', params: {} },
        doc.nodes[3]!,
      ],
      edges: [
        { source: 'in', target: 'bn' },
        { source: 'bn', target: 'gap' },
        { source: 'gap', target: 'fc' },
      ],
    };
    const edit = docEdit(doc, next, 1)!;
    expect(edit.nodes.map((n) => n.id)).toEqual(['bn']);
    expect(edit.order).toEqual(['in', 'gap', 'bn', 'fc']);
    expect(edit.head?.name).toBe('Renamed');
    expect(applyDocEdit(doc, JSON.parse(JSON.stringify(edit)))).toEqual(next);
  });

  it("answers 'stale' for an edit of a document it no longer keeps, and refuses one that names nothing", () => {
    const host = createAnalysisService();
    const doc = chain([8, 8, 1], ['Conv2D', { filters: 4, kernelSize: 3 }, 'c1']);
    const first = host.update({ doc });
    const edit = docEdit(doc, withParams(doc, 'c1', { filters: 6 }), versionOf(first))!;
    for (let i = 0; i <= KEPT_VERSIONS; i++) host.update({ doc });
    expect(host.update({ edit, since: edit.base })).toEqual({ kind: 'stale' });
    expect(applyDocEdit(doc, { base: 1, nodes: [], order: ['in', 'ghost'] })).toBeNull();
    const stray = { id: 'x', type: 'Dense', params: {} };
    expect(applyDocEdit(doc, { base: 1, nodes: [stray] })).toBeNull();
    // Ids used twice: sent whole.
    const twice = { ...doc, nodes: [...doc.nodes, { ...doc.nodes[1]! }] };
    expect(docEdit(twice, doc, 1)).toBeNull();
    expect(docEdit(doc, twice, 1)).toBeNull();
  });

  it('checks the document an edit describes as a whole document would be checked', () => {
    const host = createAnalysisService();
    const doc = chain([8, 8, 1], ['Conv2D', { filters: 4, kernelSize: 3 }, 'c1']);
    const first = host.update({ doc });
    const version = versionOf(first);
    expect(() =>
      host.update({ edit: { base: version, nodes: [], head: { name: 3 } as never } }),
    ).toThrow(/name/);
  });

  it('refuses an edit whose nodes or edges a whole document would refuse, at the API boundary', () => {
    const schema = requestSchemas.networkAnalyzeUpdate;
    const node = { id: 'c1', type: 'Conv2D', params: { filters: 4 } };
    expect(schema.safeParse({ edit: { base: 1, nodes: [node] } }).success).toBe(true);
    for (const bad of [
      { base: 1, nodes: [{ ...node, id: '' }] },
      { base: 1, nodes: [{ ...node, id: 'x'.repeat(201) }] },
      { base: 1, nodes: [{ ...node, params: [] }] },
      { base: 1, nodes: [{ ...node, position: { x: Number.NaN, y: 0 } }] },
      { base: 1, nodes: [], edges: [{ source: 'a', target: '' }] },
    ])
      expect(schema.safeParse({ edit: bad }).success, JSON.stringify(bad)).toBe(false);
  });

  it('analyses a document sent as an edit exactly as the same document sent whole', () => {
    const host = createAnalysisService();
    const first = overTheWire(host.update({ doc: resnet }));
    const held = applyAnalysisUpdate(null, first)!;
    const edited = withParams(resnet, stem, { filters: 24 });
    const edit = JSON.parse(JSON.stringify(docEdit(resnet, edited, versionOf(first))));
    const reply = overTheWire(host.update({ edit, since: versionOf(first) }));
    expect(reply.kind).toBe('delta');
    const next = applyAnalysisUpdate({ version: versionOf(first), analysis: held }, reply)!;
    expect(next).toEqual(fresh(edited));
  });
});
