/** Derived numbers of a confusion matrix (rows = true class, columns = predicted class). */

export interface ClassAccuracy {
  name: string;
  correct: number;
  total: number;
  /** null when the class has no examples in the evaluated set. */
  accuracy: number | null;
}

/** Per-class recall ("of the true Sneakers, how many were called Sneaker"). */
export function perClassAccuracy(
  confusion: readonly (readonly number[])[],
  classes: readonly string[],
): ClassAccuracy[] {
  return confusion.map((row, i) => {
    const total = row.reduce((sum, n) => sum + n, 0);
    const correct = row[i] ?? 0;
    return {
      name: classes[i] ?? `class ${i}`,
      correct,
      total,
      accuracy: total > 0 ? correct / total : null,
    };
  });
}

/** Overall accuracy: the diagonal over the total; null for an empty matrix. */
export function overallAccuracy(confusion: readonly (readonly number[])[]): number | null {
  let correct = 0;
  let total = 0;
  confusion.forEach((row, i) => {
    row.forEach((n, j) => {
      total += n;
      if (i === j) correct += n;
    });
  });
  return total > 0 ? correct / total : null;
}

/** Each cell as a fraction of its row (0 for empty rows), for the heatmap's colour. */
export function rowFractions(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((sum, n) => sum + n, 0);
    return row.map((n) => (total > 0 ? n / total : 0));
  });
}

/** The most frequent off-diagonal confusions, largest first ("Shirt → T-shirt: 41"). */
export function topConfusions(
  confusion: readonly (readonly number[])[],
  classes: readonly string[],
  limit = 3,
): { trueClass: string; predicted: string; count: number }[] {
  const pairs: { trueClass: string; predicted: string; count: number }[] = [];
  confusion.forEach((row, i) => {
    row.forEach((n, j) => {
      if (i !== j && n > 0)
        pairs.push({ trueClass: classes[i] ?? `${i}`, predicted: classes[j] ?? `${j}`, count: n });
    });
  });
  return pairs.sort((a, b) => b.count - a.count).slice(0, limit);
}
