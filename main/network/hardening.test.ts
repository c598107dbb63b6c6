/**
 * Hostile documents: reserved ids, the documented caps, and sizes that used to be quadratic or
 * overflow the stack. Each test asserts what a user sees (the analysis, the message), not timing;
 * the sizes are large enough that a quadratic algorithm would blow the test's time limit.
 */
import { describe, expect, it } from 'vitest';
import { parseNetworkText } from '../files/index.ts';
import { analyzeNetwork } from './analyze.ts';
import { expandComposites } from './expand.ts';
import { MAX_EDGES, MAX_ID_LENGTH, MAX_NODES, MAX_PARAM_DEPTH } from './limits.ts';
import { networkDocSchema } from './schema.ts';
import { chain, makeDoc } from './testDocs.ts';
import type { NetworkNode } from './types.ts';

const RESERVED = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

function fileText(nodes: unknown[], edges: unknown[] = []): string {
  return JSON.stringify({ format: 'netdesigner.network', version: 1, name: 'x', nodes, edges });
}

describe('reserved ids are ordinary ids', () => {
  it.each(RESERVED)('a layer with id %j is analysed, counted and reported', (id) => {
    // Parsed from text, exactly as a file or a WebSocket payload arrives.
    const doc = parseNetworkText(
      fileText(
        [
          { id: 'in', type: 'Input', params: { shape: [8, 8, 3] } },
          { id, type: 'Conv2D', params: { filters: 4, kernelSize: 3 } },
          { id: 'gap', type: 'GlobalAvgPool2D' },
          { id: 'fc', type: 'Dense', params: { units: 2, [id]: 1 } },
        ],
        [
          { source: 'in', target: id },
          { source: id, target: 'gap' },
          { source: 'gap', target: 'fc' },
        ],
      ),
    );
    const a = analyzeNetwork(doc);
    expect(Object.hasOwn(a.nodes, id)).toBe(true);
    expect(a.nodes[id]!.outputShape).toEqual([6, 6, 4]);
    expect(a.order).toEqual(['in', id, 'gap', 'fc']);
    // The param with the reserved name is kept, and reported as unknown on its node.
    expect(a.problems.some((p) => p.nodeId === 'fc' && p.code === 'unknown-param')).toBe(true);
    // A JSON round trip (the API's transport) keeps the node.
    expect(JSON.parse(JSON.stringify(a)).nodes[id].outputShape).toEqual([6, 6, 4]);
  });

  it('a lookup of an id that is not in the analysis finds nothing', () => {
    const a = analyzeNetwork(chain([4, 4, 1], ['Flatten']));
    for (const id of RESERVED) expect(a.nodes[id]).toBeUndefined();
  });

  it('expands a block whose id is reserved', () => {
    const doc = makeDoc(
      [
        { id: 'in', type: 'Input', params: { shape: [8, 8, 16] } },
        { id: '__proto__', type: 'ResidualBlock', params: { filters: 16 } },
      ],
      [['in', '__proto__']],
    );
    const flat = expandComposites(doc);
    expect(flat.nodes.map((n) => n.id)).toContain('__proto__/conv1');
    expect(analyzeNetwork(flat).valid).toBe(true);
  });
});

describe('documented caps', () => {
  const input = { id: 'in', type: 'Input', params: { shape: [8, 8, 1] } };

  it(`refuses more than ${MAX_NODES} nodes, saying so`, () => {
    const nodes = Array.from({ length: MAX_NODES + 1 }, (_, i) => ({
      id: `n${i}`,
      type: 'Flatten',
    }));
    expect(() => parseNetworkText(fileText(nodes))).toThrow(
      /nodes: has more than 10,000 nodes \(the most NetDesigner opens\)/,
    );
  });

  it(`refuses more than ${MAX_EDGES} edges`, () => {
    const edges = Array.from({ length: MAX_EDGES + 1 }, () => ({ source: 'in', target: 'in' }));
    expect(() => parseNetworkText(fileText([input], edges))).toThrow(/edges: has more than 40,000/);
  });

  it('refuses over-long ids, edge ends, param names and names', () => {
    const long = 'x'.repeat(MAX_ID_LENGTH + 1);
    expect(() => parseNetworkText(fileText([{ ...input, id: long }]))).toThrow(
      /nodes\[0\]\.id: a node id is longer than 200 characters/,
    );
    expect(() => parseNetworkText(fileText([input], [{ source: 'in', target: long }]))).toThrow(
      /edges\[0\]\.target: an edge target is longer than 200/,
    );
    expect(() => parseNetworkText(fileText([{ ...input, params: { [long]: 1 } }]))).toThrow(
      /nodes\[0\]\.params: a param name is longer than 200/,
    );
    const doc = {
      format: 'netdesigner.network',
      version: 1,
      name: 'n'.repeat(5000),
      nodes: [],
      edges: [],
    };
    expect(networkDocSchema.safeParse(doc).success).toBe(false);
  });

  it('refuses param values nested deeper than the cap, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = networkDocSchema.safeParse({
      format: 'netdesigner.network',
      version: 1,
      name: 'deep',
      nodes: [{ ...input, params: { shape: deep } }],
      edges: [],
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(
      `nested more than ${MAX_PARAM_DEPTH} levels`,
    );
  });
});

describe('large documents stay linear', () => {
  it('analyses a 20,000-layer chain with 20,000 warnings (no spread overflow)', () => {
    const nodes: NetworkNode[] = [{ id: 'in', type: 'Input', params: { shape: [4, 4, 1] } }];
    const edges: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) {
      nodes.push({ id: `a${i}`, type: 'Activation', params: { fn: 'softmax' } });
      edges.push([i === 0 ? 'in' : `a${i - 1}`, `a${i}`]);
    }
    const a = analyzeNetwork(makeDoc(nodes, edges));
    expect(a.order).toHaveLength(20_001);
    expect(a.problems.filter((p) => p.code === 'softmax-not-last').length).toBe(19_999);
  });

  it('analyses a 20,000-node cycle (the unsorted rest is appended without a spread)', () => {
    const nodes: NetworkNode[] = [];
    const edges: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) {
      nodes.push({ id: `c${i}`, type: 'Flatten', params: {} });
      edges.push([`c${i}`, `c${(i + 1) % 20_000}`]);
    }
    const a = analyzeNetwork(makeDoc(nodes, edges));
    expect(a.valid).toBe(false);
    expect(a.order).toHaveLength(20_000);
    // The loop is named by its first members, not all 20,000 in each of 20,000 messages.
    const loop = a.problems.find((p) => p.code === 'cycle')!;
    expect(loop.message).toMatch(/and 19,992 more/);
    expect(loop.message.length).toBeLessThan(400);
  });

  it('expands 2,000 residual blocks in one pass, wired in order', () => {
    const nodes: NetworkNode[] = [
      { id: 'in', type: 'Input', params: { shape: [4, 4, 8] }, position: { x: 0, y: 0 } },
    ];
    const edges: [string, string][] = [];
    for (let i = 0; i < 2000; i++) {
      nodes.push({
        id: `r${i}`,
        type: 'ResidualBlock',
        params: { filters: 8 },
        position: { x: 0, y: 100 * (i + 1) },
      });
      edges.push([i === 0 ? 'in' : `r${i - 1}`, `r${i}`]);
    }
    const flat = expandComposites(makeDoc(nodes, edges));
    expect(flat.nodes.some((n) => n.type === 'ResidualBlock')).toBe(false);
    const a = analyzeNetwork(flat);
    expect(a.valid).toBe(true);
    // Block k+1 reads block k's output: its first conv is fed by block k's final ReLU.
    expect(flat.edges).toContainEqual({ source: 'r0/relu', target: 'r1/conv1' });
    // Room is made below each block: later blocks sit below the layers of earlier ones.
    const y = (id: string) => flat.nodes.find((n) => n.id === id)!.position!.y;
    expect(y('r1/conv1')).toBeGreaterThan(y('r0/relu'));
    expect(y('r1999/conv1')).toBeGreaterThan(y('r1998/relu'));
  });
});
