import { describe, expect, it } from 'vitest';
import { overallAccuracy, perClassAccuracy, rowFractions, topConfusions } from './confusion.ts';

const m = [
  [8, 2, 0],
  [1, 9, 0],
  [0, 0, 0],
];
const names = ['cat', 'dog', 'bird'];

describe('confusion matrix numbers', () => {
  it('computes per-class accuracy from the rows, null for classes with no examples', () => {
    expect(perClassAccuracy(m, names)).toEqual([
      { name: 'cat', correct: 8, total: 10, accuracy: 0.8 },
      { name: 'dog', correct: 9, total: 10, accuracy: 0.9 },
      { name: 'bird', correct: 0, total: 0, accuracy: null },
    ]);
  });
  it('computes overall accuracy as the diagonal share', () => {
    expect(overallAccuracy(m)).toBeCloseTo(17 / 20);
    expect(overallAccuracy([])).toBeNull();
  });
  it('normalises rows for the heatmap', () => {
    expect(rowFractions(m)[0]).toEqual([0.8, 0.2, 0]);
    expect(rowFractions(m)[2]).toEqual([0, 0, 0]);
  });
  it('lists the worst confusions first', () => {
    expect(topConfusions(m, names)).toEqual([
      { trueClass: 'cat', predicted: 'dog', count: 2 },
      { trueClass: 'dog', predicted: 'cat', count: 1 },
    ]);
  });
});
