/**
 * Incremental analysis is an optimisation only: after any sequence of edits, the analysis that
 * reuses the previous result equals a from-scratch `analyzeNetwork` of the same document (values,
 * problems and their order, totals), while an edit of one layer of a big network recomputes only
 * what depends on it.
 */
import { describe, expect, it } from 'vitest';
import { buildTemplate, listTemplates } from '../templates/index.ts';
import { analyzeNetwork, analyzeNetworkFrom, type AnalysisMemo } from './analyze.ts';
import { expandComposites } from './expand.ts';
import { LAYER_TYPES } from './catalog/registry.ts';
import { makeDoc } from './testDocs.ts';
import type { NetworkDoc, NetworkNode } from './types.ts';

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Param values an edit may set: valid, out of range, of the wrong type. */
const VALUES: Record<string, unknown[]> = {
  filters: [1, 8, 16, 24, 64, 0, -1, 2.5, 'x'],
  units: [1, 10, 1000, 0, 3e9],
  kernelSize: [1, 3, 5, 7, [1, 3], 0, 300],
  strides: [1, 2, 3, [2, 1]],
  padding: ['same', 'valid', 'x', 1],
  poolSize: [2, 3, 9],
  activation: ['relu', 'softmax', 'none', 'bogus'],
  fn: ['relu', 'softmax', 'tanh'],
  shape: [[32, 32, 3], [224, 224, 3], [8, 8, 1], [10], [1, 1, 1]],
  rate: [0.5, 2],
  bogus: [1],
};
const PARAMS = Object.keys(VALUES);

/** One random edit of `doc` (a new document; the old one is left as it was). */
function edit(doc: NetworkDoc, rand: () => number): NetworkDoc {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const nodes = [...doc.nodes];
  let edges = [...doc.edges];
  const at = Math.floor(rand() * nodes.length);
  const node = nodes[at];
  const r = rand();
  if (!node || r < 0.45) {
    // A param: mostly one the layer has, sometimes any.
    if (!node) return doc;
    const own = Object.keys(node.params);
    const name = own.length > 0 && rand() < 0.7 ? pick(own) : pick(PARAMS);
    const params = { ...node.params };
    if (rand() < 0.1) delete params[name];
    else params[name] = pick(VALUES[name] ?? VALUES.filters!);
    nodes[at] = { ...node, params };
  } else if (r < 0.5) {
    nodes[at] = { ...node, label: rand() < 0.5 ? `renamed ${at}` : undefined };
  } else if (r < 0.55) {
    nodes[at] = { ...node, position: { x: rand() * 100, y: rand() * 100 } };
  } else if (r < 0.6) {
    nodes[at] = { ...node, type: rand() < 0.1 ? 'Nope' : pick(LAYER_TYPES) };
  } else if (r < 0.7) {
    nodes.splice(at, 1);
    if (rand() < 0.7) edges = edges.filter((e) => e.source !== node.id && e.target !== node.id);
  } else if (r < 0.78) {
    const id = `new${Math.floor(rand() * 1e6)}`;
    nodes.splice(at, 0, { id, type: pick(LAYER_TYPES), params: {} });
    edges.push({ source: node.id, target: id });
  } else if (r < 0.9) {
    // A new edge: forwards, backwards (a loop), into a merge or dangling.
    const other = pick(nodes);
    edges.push(
      rand() < 0.05 ? { source: node.id, target: 'ghost' } : { source: node.id, target: other.id },
    );
  } else if (edges.length > 0) {
    edges.splice(Math.floor(rand() * edges.length), 1);
  }
  return { ...doc, nodes, edges };
}

/** A small random DAG with merges (so merge quick fixes and Concat/Add checks are exercised). */
function randomDag(rand: () => number): NetworkDoc {
  const nodes: NetworkNode[] = [{ id: 'in', type: 'Input', params: { shape: [16, 16, 4] } }];
  const edges: [string, string][] = [];
  const recent = () => nodes[Math.max(0, nodes.length - 1 - Math.floor(rand() * 4))]!.id;
  const n = 4 + Math.floor(rand() * 20);
  for (let i = 1; i < n; i++) {
    const id = `n${i}`;
    const r = rand();
    if (r < 0.25 && nodes.length > 2) {
      const a = recent();
      let b = recent();
      for (let t = 0; b === a && t < 5; t++) b = recent();
      nodes.push({ id, type: rand() < 0.5 ? 'Add' : 'Concat', params: {} });
      edges.push([a, id], [b, id]);
      continue;
    }
    const [type, params]: [string, Record<string, unknown>] =
      r < 0.55
        ? ['Conv2D', { filters: 4 * (1 + Math.floor(rand() * 3)), kernelSize: 3, padding: 'same' }]
        : r < 0.65
          ? ['MaxPool2D', {}]
          : r < 0.8
            ? ['BatchNorm', {}]
            : ['Activation', { fn: 'relu' }];
    nodes.push({ id, type, params });
    edges.push([recent(), id]);
  }
  nodes.push(
    { id: 'gap', type: 'GlobalAvgPool2D', params: {} },
    { id: 'fc', type: 'Dense', params: { units: 10 } },
  );
  edges.push([nodes[nodes.length - 3]!.id, 'gap'], ['gap', 'fc']);
  return makeDoc(nodes, edges);
}

/** Incremental and from-scratch analyses of `doc` agree exactly (JSON text: key order too). */
function checkStep(doc: NetworkDoc, memo: AnalysisMemo | null): AnalysisMemo {
  const { analysis, memo: next } = analyzeNetworkFrom(doc, memo);
  const fresh = analyzeNetwork(doc);
  expect(JSON.stringify(analysis)).toBe(JSON.stringify(fresh));
  expect(analysis).toEqual(fresh);
  return next;
}

describe('incremental analysis', () => {
  it('equals a from-scratch analysis after each of 1,500 random edits of random graphs', () => {
    const rand = rng(11);
    for (let round = 0; round < 60; round++) {
      let doc = randomDag(rand);
      let memo = checkStep(doc, null);
      for (let k = 0; k < 25; k++) {
        doc = edit(doc, rand);
        memo = checkStep(doc, memo);
      }
    }
  });

  it('equals a from-scratch analysis after random edits of every template, collapsed and expanded', () => {
    const rand = rng(5);
    for (const { id } of listTemplates()) {
      const collapsed = buildTemplate(id).doc;
      for (let doc of [collapsed, expandComposites(collapsed)]) {
        let memo = checkStep(doc, null);
        for (let k = 0; k < 8; k++) {
          doc = edit(doc, rand);
          memo = checkStep(doc, memo);
        }
      }
    }
  });

  it('reuses a memo from an unrelated document without mixing the two up', () => {
    const a = expandComposites(buildTemplate('resnet18').doc);
    const b = buildTemplate('vgg16').doc;
    checkStep(b, checkStep(a, null));
    checkStep(a, checkStep(b, null));
  });

  it("recomputes only the edited layer and those whose inputs changed (ResNet-152 expanded, the stem conv's filters)", () => {
    const doc = expandComposites(buildTemplate('resnet152').doc);
    const { analysis: before, memo } = analyzeNetworkFrom(doc, null);
    const conv = doc.nodes.find((n) => n.type === 'Conv2D')!;
    const edited = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n === conv ? { ...n, params: { ...n.params, filters: 24 } } : n,
      ),
    };
    const { analysis: after } = analyzeNetworkFrom(structuredClone(edited), memo);
    const recomputed = after.order.filter((id) => after.nodes[id] !== before.nodes[id]);
    expect(recomputed).toContain(conv.id);
    // The stem (conv, bn, relu, pool) and the first block's two convs that read 24 channels.
    expect(recomputed.length).toBeLessThan(12);
    expect(after.totals.trainableParams).toBe(analyzeNetwork(edited).totals.trainableParams);
    expect(after.totals.trainableParams).not.toBe(before.totals.trainableParams);
  });
});
