import { describe, expect, it } from 'vitest';
import { runLabels } from './runLabels.ts';

const at = (h: number, m: number) => new Date(2026, 10, 29, h, m).toISOString();

describe('runLabels', () => {
  it('keeps distinct names as they are', () => {
    expect(
      runLabels([
        { name: 'LeNet', createdAt: at(9, 0) },
        { name: 'VGG', createdAt: at(9, 5) },
      ]),
    ).toEqual(['LeNet', 'VGG']);
  });

  it('tells repeated names apart by their start time', () => {
    expect(
      runLabels([
        { name: 'Shapes', createdAt: at(0, 43) },
        { name: 'Shapes', createdAt: at(0, 42) },
        { name: 'Other', createdAt: at(0, 41) },
      ]),
    ).toEqual(['00:43 · Shapes', '00:42 · Shapes', 'Other']);
  });

  it('numbers runs of the same name started in the same minute', () => {
    expect(
      runLabels([
        { name: 'Shapes', createdAt: at(0, 43) },
        { name: 'Shapes', createdAt: at(0, 43) },
      ]),
    ).toEqual(['00:43 · Shapes (1)', '00:43 · Shapes (2)']);
  });
});
