/**
 * The test networks, in one place: builders (`makeDoc`, `chain`, `design`, `laidOut`) and the small
 * named networks tests share (`tinyDoc`, `convPoolNet`, `bnNet`, `smallBnNet`, `inputConv`,
 * `everyLayer`), so a test says which network it needs instead of writing one out again.
 */
import type { NetworkDoc, NetworkEdge, NetworkNode } from './types.ts';

export type LayerSpecTuple = [type: string, params?: Record<string, unknown>, id?: string];
type Shape = [number, number, number];

/** A document from explicit nodes and edges (`[source, target]` pairs, in input order). */
export function makeDoc(
  nodes: NetworkNode[],
  edges: [string, string][] | NetworkEdge[],
  name = 'test',
): NetworkDoc {
  return {
    format: 'netdesigner.network',
    version: 1,
    name,
    nodes,
    edges: edges.map((e) => (Array.isArray(e) ? { source: e[0], target: e[1] } : e)),
  };
}

/** Input(shape) followed by the given layers in a straight line; ids default to `l1`, `l2`, … */
export function chain(shape: number[], ...layers: LayerSpecTuple[]): NetworkDoc {
  const nodes: NetworkNode[] = [{ id: 'in', type: 'Input', params: { shape } }];
  const edges: [string, string][] = [];
  layers.forEach(([type, params = {}, id = `l${nodes.length}`]) => {
    edges.push([nodes[nodes.length - 1]!.id, id]);
    nodes.push({ id, type, params });
  });
  return makeDoc(nodes, edges);
}

type NodeSpec = [id: string, type: string, params?: Record<string, unknown>];

/** A design from `[id, type, params]` triples; `edges` as `'a>b'` strings, in input order. */
export function design(nodes: NodeSpec[], edges: string[], name = 'test'): NetworkDoc {
  const doc = makeDoc(
    nodes.map(([id, type, params]): NetworkNode => ({ id, type, params: params ?? {} })),
    edges.map((e) => e.split('>') as [string, string]),
  );
  return { ...doc, name };
}

/** The same document with every node placed on the canvas, one under the other `step` apart. */
export function laidOut(doc: NetworkDoc, step = 120): NetworkDoc {
  return { ...doc, nodes: doc.nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * step } })) };
}

/**
 * The DESIGN.md example, named 'Tiny': `in` (32×32×3, placed at 0,0) → `c1` Conv2D 16 3×3 same →
 * `gap` → `fc` Dense(classes, softmax).
 */
export function tinyDoc(shape: Shape = [32, 32, 3], classes = 10): NetworkDoc {
  const doc = chain(
    shape,
    ['Conv2D', { filters: 16, kernelSize: 3, padding: 'same' }, 'c1'],
    ['GlobalAvgPool2D', {}, 'gap'],
    ['Dense', { units: classes, activation: 'softmax' }, 'fc'],
  );
  doc.nodes[0]!.position = { x: 0, y: 0 };
  return { ...doc, name: 'Tiny' };
}

/**
 * The smallest network that learns the synthetic data (trains in seconds on any backend), named
 * 'Tiny test net': `c1` conv 8 → `p1` → `c2` conv 16 → `p2` → `flat` → `fc` Dense(classes, softmax).
 */
export function convPoolNet(shape: Shape, classes: number): NetworkDoc {
  const conv = (filters: number) => ({
    filters,
    kernelSize: 3,
    padding: 'same',
    activation: 'relu',
  });
  return {
    ...chain(
      shape,
      ['Conv2D', conv(8), 'c1'],
      ['MaxPool2D', {}, 'p1'],
      ['Conv2D', conv(16), 'c2'],
      ['MaxPool2D', {}, 'p2'],
      ['Flatten', {}, 'flat'],
      ['Dense', { units: classes, activation: 'softmax' }, 'fc'],
    ),
    name: 'Tiny test net',
  };
}

/** How `bnNet` reaches its classifier. */
export type BnNetHead = 'gap' | 'flatten' | 'pool-flatten';

/**
 * Every kind of weight (conv kernel and bias, BatchNorm with running statistics, dense), trains in
 * seconds: `c1` conv 8 → `bn` → `act` relu → `pool` → `c2` conv 16 relu → head → `fc`
 * Dense(classes, logits). The head is `gap`, `flat`, or `pool2` → `flat`; `frozen` ids are frozen.
 */
export function bnNet({
  shape = [16, 16, 3],
  classes = 4,
  head = 'gap',
  frozen = [],
}: { shape?: Shape; classes?: number; head?: BnNetHead; frozen?: string[] } = {}): NetworkDoc {
  const heads: Record<BnNetHead, LayerSpecTuple[]> = {
    gap: [['GlobalAvgPool2D', {}, 'gap']],
    flatten: [['Flatten', {}, 'flat']],
    'pool-flatten': [
      ['MaxPool2D', {}, 'pool2'],
      ['Flatten', {}, 'flat'],
    ],
  };
  const doc = chain(
    shape,
    ['Conv2D', { filters: 8, kernelSize: 3, padding: 'same' }, 'c1'],
    ['BatchNorm', {}, 'bn'],
    ['Activation', { fn: 'relu' }, 'act'],
    ['MaxPool2D', {}, 'pool'],
    ['Conv2D', { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }, 'c2'],
    ...heads[head],
    ['Dense', { units: classes }, 'fc'],
  );
  for (const n of doc.nodes) if (frozen.includes(n.id)) n.frozen = true;
  return doc;
}

/**
 * The canvas tests' network: `in` (8×8×1) → `conv1` Conv2D(4, kernelSize) [→ more layers], laid out
 * one under the other 120 px apart, named `name`.
 */
export function inputConv(
  name = 'Tiny',
  conv: Record<string, unknown> = { filters: 4 },
  ...more: LayerSpecTuple[]
): NetworkDoc {
  return { ...laidOut(chain([8, 8, 1], ['Conv2D', conv, 'conv1'], ...more)), name };
}

/** The smallest design with every kind of weight: 8×8×3 → `c1` conv 4 → `bn` → `act` → `gap` → `fc` Dense(2). */
export function smallBnNet(): NetworkDoc {
  return chain(
    [8, 8, 3],
    ['Conv2D', { filters: 4, kernelSize: 3, padding: 'same' }, 'c1'],
    ['BatchNorm', {}, 'bn'],
    ['Activation', { fn: 'relu' }, 'act'],
    ['GlobalAvgPool2D', {}, 'gap'],
    ['Dense', { units: 2 }, 'fc'],
  );
}

/** Every primitive layer type and every tricky param combination, in one valid branched design. */
export function everyLayer(): NetworkDoc {
  return design(
    [
      ['in', 'Input', { shape: [12, 12, 3] }],
      [
        'c_pad',
        'Conv2D',
        { filters: 4, kernelSize: [3, 5], padding: [1, 2], activation: 'leakyRelu' },
      ],
      [
        'c_dil',
        'Conv2D',
        { filters: 4, kernelSize: 3, dilation: 2, strides: 2, padding: 'same', activation: 'gelu' },
      ],
      [
        'c_same',
        'Conv2D',
        { filters: 4, kernelSize: 3, strides: 2, padding: 'same', useBias: false },
      ],
      ['bn', 'BatchNorm', { momentum: 0.1, epsilon: 1e-3 }],
      ['act', 'Activation', { fn: 'relu6' }],
      ['add', 'Add'],
      ['lrn', 'LRN', { depthRadius: 1 }],
      ['mp', 'MaxPool2D', { poolSize: 3, strides: 1, padding: 1 }],
      ['ap', 'AvgPool2D', { poolSize: 3, strides: 2, padding: 1 }],
      ['ap2', 'AvgPool2D', { poolSize: 2, padding: 'same' }],
      ['cat', 'Concat'],
      ['elu', 'Activation', { fn: 'elu' }],
      ['gap', 'GlobalAvgPool2D'],
      ['gmp', 'GlobalMaxPool2D'],
      ['flat', 'Flatten'],
      ['cat2', 'Concat'],
      ['drop', 'Dropout', { rate: 0.25 }],
      ['fc1', 'Dense', { units: 8, activation: 'tanh' }],
      ['sig', 'Activation', { fn: 'sigmoid' }],
      ['fc2', 'Dense', { units: 3, useBias: false }],
    ],
    [
      'in>c_pad',
      'c_pad>c_dil',
      'c_pad>c_same',
      'c_same>bn',
      'bn>act',
      'act>add',
      'c_dil>add',
      'add>lrn',
      'lrn>mp',
      'mp>ap',
      'lrn>ap2',
      'ap>cat',
      'ap2>cat',
      'cat>elu',
      'elu>gap',
      'elu>gmp',
      'elu>flat',
      'gap>cat2',
      'gmp>cat2',
      'flat>cat2',
      'cat2>drop',
      'drop>fc1',
      'fc1>sig',
      'sig>fc2',
    ],
    'every layer',
  );
}
