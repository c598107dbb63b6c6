/**
 * The test networks, in one place: builders (`makeDoc`, `chain`, `laidOut`) and the small named
 * networks tests share (`tinyDoc`, `convPoolNet`, `bnNet`, `inputConv`), so a test says which
 * network it needs instead of writing one out again.
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
