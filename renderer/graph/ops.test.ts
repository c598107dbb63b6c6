import { describe, expect, it } from 'vitest';
import type { NetworkDoc } from '../../main/network/types.ts';
import { edgeIds, uniqueId } from './ids.ts';
import {
  addNode,
  connect,
  connectionProblem,
  copyFragment,
  insertAfter,
  moveInput,
  pasteFragment,
  removeElements,
  renameNode,
  setParam,
  replacedInput,
} from './ops.ts';
import { applyFix } from './fixes.ts';
import { layoutDoc } from './layout.ts';

function chain(): NetworkDoc {
  return {
    format: 'netdesigner.network',
    version: 1,
    name: 'Tiny',
    nodes: [
      { id: 'in', type: 'Input', params: { shape: [32, 32, 3] }, position: { x: 0, y: 0 } },
      {
        id: 'conv1',
        type: 'Conv2D',
        params: { filters: 16, kernelSize: 3 },
        position: { x: 0, y: 110 },
      },
      { id: 'fc1', type: 'Dense', params: { units: 10 }, position: { x: 0, y: 220 } },
    ],
    edges: [
      { source: 'in', target: 'conv1' },
      { source: 'conv1', target: 'fc1' },
    ],
  };
}

describe('ids', () => {
  it('numbers new ids per layer type and skips taken ones', () => {
    expect(uniqueId(new Set(['conv1', 'conv2']), 'Conv2D')).toBe('conv3');
    expect(uniqueId(new Set(), 'Dense')).toBe('fc1');
  });
  it('gives repeated edges distinct ids', () => {
    expect(
      edgeIds([
        { source: 'a', target: 'b' },
        { source: 'a', target: 'b' },
      ]),
    ).toEqual(['a->b', 'a->b#2']);
  });
});

describe('graph edits', () => {
  it('adds a node connected after the selected one', () => {
    const { doc, ids } = addNode(chain(), 'Dropout', {}, { x: 5, y: 6 }, 'fc1');
    expect(ids).toEqual(['drop1']);
    expect(doc.edges).toContainEqual({ source: 'fc1', target: 'drop1' });
    expect(doc.nodes.at(-1)?.position).toEqual({ x: 5, y: 6 });
  });

  it('splices a layer into the wire after the selected one and moves the rest down', () => {
    const { doc, ids } = insertAfter(chain(), 'BatchNorm', {}, 'conv1');
    const [bn] = ids;
    expect(doc.edges).toEqual([
      { source: 'in', target: 'conv1' },
      { source: 'conv1', target: bn },
      { source: bn, target: 'fc1' },
    ]);
    expect(doc.nodes.find((n) => n.id === bn)?.position).toEqual({ x: 0, y: 230 });
    expect(doc.nodes.find((n) => n.id === 'fc1')?.position).toEqual({ x: 0, y: 340 });
    expect(doc.nodes.find((n) => n.id === 'in')?.position).toEqual({ x: 0, y: 0 });
  });

  it('keeps the input order of a merge when splicing into one of its wires', () => {
    const base = chain();
    const merged: NetworkDoc = {
      ...base,
      nodes: [...base.nodes, { id: 'cat', type: 'Concat', params: {} }],
      edges: [
        { source: 'in', target: 'conv1' },
        { source: 'in', target: 'cat' },
        { source: 'conv1', target: 'cat' },
      ],
    };
    const { doc, ids } = insertAfter(merged, 'Conv2D', { filters: 8, kernelSize: 1 }, 'conv1');
    expect(doc.edges.filter((e) => e.target === 'cat').map((e) => e.source)).toEqual([
      'in',
      ids[0],
    ]);
  });

  it('branches off a layer that feeds several others instead of rewiring them', () => {
    const base = chain();
    const forked: NetworkDoc = { ...base, edges: [...base.edges, { source: 'in', target: 'fc1' }] };
    const { doc, ids } = insertAfter(forked, 'Conv2D', { filters: 8, kernelSize: 1 }, 'in');
    expect(doc.edges).toEqual([...forked.edges, { source: 'in', target: ids[0] }]);
  });

  it('removes a node together with its edges, and single edges by id', () => {
    const doc = removeElements(chain(), new Set(['conv1']), new Set());
    expect(doc.nodes.map((n) => n.id)).toEqual(['in', 'fc1']);
    expect(doc.edges).toEqual([]);
    const onlyEdge = removeElements(chain(), new Set(), new Set(['conv1->fc1']));
    expect(onlyEdge.edges).toEqual([{ source: 'in', target: 'conv1' }]);
  });

  it('refuses self-loops, duplicates, cycles and wires into an Input', () => {
    const doc = chain();
    expect(connectionProblem(doc, 'conv1', 'conv1')).toMatch(/itself/);
    expect(connectionProblem(doc, 'in', 'conv1')).toMatch(/already/);
    expect(connectionProblem(doc, 'fc1', 'conv1')).toMatch(/cycle/);
    expect(connectionProblem(doc, 'fc1', 'in')).toMatch(/Input/);
    expect(connect(doc, 'fc1', 'conv1', 1)).toBe(doc);
  });

  it('replaces the input of a single-input layer but appends to a merge layer', () => {
    let doc = addNode(chain(), 'Conv2D', { filters: 8, kernelSize: 1 }, { x: 0, y: 0 }).doc; // conv2
    // The canvas names the wire that is replaced, so nothing disappears silently.
    expect(replacedInput(doc, 'conv2', 'fc1', 1)).toBe('conv1');
    expect(replacedInput(doc, 'conv2', 'fc1', 64)).toBeNull();
    expect(replacedInput(doc, 'fc1', 'conv1', 1)).toBeNull(); // refused (cycle), nothing replaced
    doc = connect(doc, 'conv2', 'fc1', 1);
    expect(doc.edges.filter((e) => e.target === 'fc1')).toEqual([
      { source: 'conv2', target: 'fc1' },
    ]);
    doc = addNode(doc, 'Add', {}, { x: 0, y: 0 }).doc; // add1
    doc = connect(connect(doc, 'conv1', 'add1', 64), 'conv2', 'add1', 64);
    expect(doc.edges.filter((e) => e.target === 'add1').map((e) => e.source)).toEqual([
      'conv1',
      'conv2',
    ]);
    doc = moveInput(doc, 'add1', 1, -1);
    expect(doc.edges.filter((e) => e.target === 'add1').map((e) => e.source)).toEqual([
      'conv2',
      'conv1',
    ]);
  });

  it('sets and clears params without touching other nodes', () => {
    const before = chain();
    const doc = setParam(before, 'conv1', 'padding', 'same');
    expect(doc.nodes[1]?.params).toEqual({ filters: 16, kernelSize: 3, padding: 'same' });
    expect(doc.nodes[0]).toBe(before.nodes[0]);
    expect(setParam(doc, 'conv1', 'padding', undefined).nodes[1]?.params).toEqual({
      filters: 16,
      kernelSize: 3,
    });
  });

  it('renames a node and rewires its edges, refusing a taken id', () => {
    const doc = renameNode(chain(), 'conv1', 'stem');
    expect(doc.edges).toEqual([
      { source: 'in', target: 'stem' },
      { source: 'stem', target: 'fc1' },
    ]);
    const same = chain();
    expect(renameNode(same, 'conv1', 'fc1')).toBe(same);
  });

  it('pastes copies with fresh ids and their inner edges only', () => {
    const doc = chain();
    const fragment = copyFragment(doc, new Set(['conv1', 'fc1']));
    const { doc: pasted, ids } = pasteFragment(doc, fragment, { x: 40, y: 40 });
    expect(ids).toEqual(['conv2', 'fc2']);
    expect(pasted.edges.at(-1)).toEqual({ source: 'conv2', target: 'fc2' });
    expect(pasted.edges).toHaveLength(3);
    expect(pasted.nodes.find((n) => n.id === 'conv2')?.position).toEqual({ x: 40, y: 150 });
  });
});

describe('quick fixes', () => {
  it('inserts Flatten before a Dense and moves the Dense down', () => {
    const { doc, ids } = applyFix(chain(), {
      kind: 'insert-before',
      label: 'Insert Flatten',
      nodeId: 'fc1',
      layerType: 'Flatten',
    });
    expect(ids).toEqual(['flatten1']);
    expect(doc.edges).toEqual([
      { source: 'in', target: 'conv1' },
      { source: 'conv1', target: 'flatten1' },
      { source: 'flatten1', target: 'fc1' },
    ]);
    expect(doc.nodes.find((n) => n.id === 'fc1')?.position?.y).toBeGreaterThan(220);
  });

  it('replaces a Flatten by GlobalAvgPool2D in place, keeping its wires and position', () => {
    const flat = applyFix(chain(), {
      kind: 'insert-before',
      label: 'Insert Flatten',
      nodeId: 'fc1',
      layerType: 'Flatten',
    }).doc;
    const at = flat.nodes.find((n) => n.id === 'flatten1')?.position;
    const { doc, ids } = applyFix(flat, {
      kind: 'replace-layer',
      label: 'Replace flatten1 with GlobalAvgPool2D',
      nodeId: 'flatten1',
      layerType: 'GlobalAvgPool2D',
    });
    expect(ids).toEqual(['gap1']);
    expect(doc.nodes.map((n) => n.id)).not.toContain('flatten1');
    expect(doc.nodes.find((n) => n.id === 'gap1')).toMatchObject({
      type: 'GlobalAvgPool2D',
      params: {},
      position: at,
    });
    expect(doc.edges).toEqual([
      { source: 'in', target: 'conv1' },
      { source: 'conv1', target: 'gap1' },
      { source: 'gap1', target: 'fc1' },
    ]);
  });

  it('sets a param', () => {
    const { doc } = applyFix(chain(), {
      kind: 'set-param',
      label: "Use 'same'",
      nodeId: 'conv1',
      param: 'padding',
      value: 'same',
    });
    expect(doc.nodes[1]?.params['padding']).toBe('same');
  });

  it('sets several params of one node in one edit, keeping the others', () => {
    const before = chain();
    const { doc, ids } = applyFix(before, {
      kind: 'set-params',
      label: "Set strides to 1 and padding to 'same'",
      nodeId: 'conv1',
      params: { strides: 1, padding: 'same' },
    });
    expect(ids).toEqual([]);
    const conv = doc.nodes.find((n) => n.id === 'conv1');
    expect(conv?.params).toEqual({
      ...before.nodes.find((n) => n.id === 'conv1')?.params,
      strides: 1,
      padding: 'same',
    });
    expect(doc.edges).toEqual(before.edges);
  });

  it('inserts a 1×1 projection in the same input slot of an Add', () => {
    let doc = addNode(chain(), 'Add', {}, { x: 0, y: 300 }).doc;
    doc = {
      ...doc,
      edges: [...doc.edges, { source: 'in', target: 'add1' }, { source: 'conv1', target: 'add1' }],
    };
    const { doc: fixed, ids } = applyFix(doc, {
      kind: 'insert-projection',
      label: 'Insert projection',
      nodeId: 'add1',
      inputNodeId: 'in',
      filters: 16,
      strides: 1,
    });
    expect(ids).toEqual(['conv2']);
    expect(fixed.edges.filter((e) => e.target === 'add1').map((e) => e.source)).toEqual([
      'conv2',
      'conv1',
    ]);
    expect(fixed.edges).toContainEqual({ source: 'in', target: 'conv2' });
    expect(fixed.nodes.find((n) => n.id === 'conv2')?.params).toEqual({
      filters: 16,
      kernelSize: 1,
      strides: 1,
      padding: 'valid',
      useBias: false,
    });
    // A row below its input, beside the conv already there, and covering no card.
    const at = (id: string) => fixed.nodes.find((n) => n.id === id)?.position;
    expect(at('conv2')?.y).toBe(120);
    expect(at('conv2')?.x).toBeGreaterThan(at('conv1')?.x ?? 0);
    expect(at('add1')?.y).toBeGreaterThan(at('conv2')?.y ?? 0);
  });
});

describe('layout', () => {
  it('places nodes without positions top to bottom along the edges', () => {
    const doc = chain();
    const bare = { ...doc, nodes: doc.nodes.map(({ position: _p, ...n }) => n) };
    const laid = layoutDoc(bare, 'missing');
    const y = (id: string) => laid.nodes.find((n) => n.id === id)?.position?.y ?? NaN;
    expect(y('in')).toBeLessThan(y('conv1'));
    expect(y('conv1')).toBeLessThan(y('fc1'));
  });

  it('keeps existing positions in missing-only mode', () => {
    const doc = chain();
    expect(layoutDoc(doc, 'missing')).toBe(doc);
  });
});
