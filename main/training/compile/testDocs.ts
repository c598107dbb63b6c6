/** Small hand-written designs for the compiler tests. */
import { makeDoc } from '../../network/testDocs.ts';
import type { NetworkDoc, NetworkNode } from '../../network/types.ts';

type NodeSpec = [id: string, type: string, params?: Record<string, unknown>];

/** A design from `[id, type, params]` triples; `edges` as `'a>b'` strings, in input order. */
export function design(nodes: NodeSpec[], edges: string[], name = 'test'): NetworkDoc {
  const doc = makeDoc(
    nodes.map(([id, type, params]): NetworkNode => ({ id, type, params: params ?? {} })),
    edges.map((e) => e.split('>') as [string, string]),
  );
  return { ...doc, name };
}

/** A straight chain of nodes, each feeding the next. */
export function chain(nodes: NodeSpec[], name = 'chain'): NetworkDoc {
  const edges = nodes.slice(1).map(([id], i) => `${nodes[i]![0]}>${id}`);
  return design(nodes, edges, name);
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
