/** A tiny network file for training tests (fast on any backend). */
import { chain } from '../../../network/testDocs.ts';
import type { NetworkDoc } from '../../../network/types.ts';

/** Input → conv 8 → pool → conv 16 → pool → flatten → dense(classes, softmax). */
export function tinyDoc(shape: [number, number, number], classes: number): NetworkDoc {
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
