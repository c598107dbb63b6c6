/** A tiny network file for training tests (fast on any backend). */
import type { NetworkDoc } from '../../../network/types.ts';

/** Input → conv 8 → pool → conv 16 → pool → flatten → dense(classes, softmax). */
export function tinyDoc(shape: [number, number, number], classes: number): NetworkDoc {
  return {
    format: 'netdesigner.network',
    version: 1,
    name: 'Tiny test net',
    nodes: [
      { id: 'in', type: 'Input', params: { shape } },
      {
        id: 'c1',
        type: 'Conv2D',
        params: { filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' },
      },
      { id: 'p1', type: 'MaxPool2D', params: {} },
      {
        id: 'c2',
        type: 'Conv2D',
        params: { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' },
      },
      { id: 'p2', type: 'MaxPool2D', params: {} },
      { id: 'flat', type: 'Flatten', params: {} },
      { id: 'fc', type: 'Dense', params: { units: classes, activation: 'softmax' } },
    ],
    edges: [
      { source: 'in', target: 'c1' },
      { source: 'c1', target: 'p1' },
      { source: 'p1', target: 'c2' },
      { source: 'c2', target: 'p2' },
      { source: 'p2', target: 'flat' },
      { source: 'flat', target: 'fc' },
    ],
  };
}
