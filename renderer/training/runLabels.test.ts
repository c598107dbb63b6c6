import { describe, expect, it } from 'vitest';
import { dataLabel, runLabels, runNumbers, runTitle } from './runLabels.ts';

const at = (h: number, m: number) => new Date(2026, 10, 29, h, m).toISOString();

describe('run names', () => {
  it('names a run by its network and its data', () => {
    expect(runTitle({ name: 'LeNet-5', data: 'fashion-mnist' })).toBe('LeNet-5 · fashion-mnist');
    expect(runTitle({ name: 'VGG', data: '/home/ada/data/cifar10/' })).toBe('VGG · cifar10');
    expect(dataLabel('C:\\data\\flowers')).toBe('flowers');
  });

  it('numbers runs from the oldest, so a number stays with its run', () => {
    const numbers = runNumbers([
      { runId: 'c', createdAt: at(9, 10) },
      { runId: 'a', createdAt: at(9, 0) },
      { runId: 'b', createdAt: at(9, 5) },
    ]);
    expect([...numbers]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('keeps distinct titles as they are in legends', () => {
    expect(
      runLabels([
        { name: 'LeNet', data: 'synthetic', createdAt: at(9, 0) },
        { name: 'LeNet', data: 'fashion-mnist', createdAt: at(9, 5) },
      ]),
    ).toEqual(['LeNet · synthetic', 'LeNet · fashion-mnist']);
  });

  it('tells repeated titles apart by their start time', () => {
    expect(
      runLabels([
        { name: 'Shapes', data: 'synthetic', createdAt: at(0, 43) },
        { name: 'Shapes', data: 'synthetic', createdAt: at(0, 42) },
        { name: 'Other', data: 'synthetic', createdAt: at(0, 41) },
      ]),
    ).toEqual(['00:43 · Shapes · synthetic', '00:42 · Shapes · synthetic', 'Other · synthetic']);
  });

  it('numbers runs of the same title started in the same minute', () => {
    expect(
      runLabels([
        { name: 'Shapes', data: 'synthetic', createdAt: at(0, 43) },
        { name: 'Shapes', data: 'synthetic', createdAt: at(0, 43) },
      ]),
    ).toEqual(['00:43 · Shapes · synthetic (1)', '00:43 · Shapes · synthetic (2)']);
  });
});
