import { memo } from 'react';
import { overallAccuracy, perClassAccuracy, rowFractions, topConfusions } from './confusion.ts';
import { formatPercent } from './format.ts';

/** Above this many classes the matrix switches to compact cells and drops the accuracy bars. */
const DENSE_ABOVE = 6;

interface Props {
  confusion: readonly (readonly number[])[];
  classes: readonly string[];
}

/**
 * Confusion matrix as a heatmap table (rows = true class, columns = predicted class; colour = share
 * of the row) with each class's accuracy in the last column and the worst confusions below.
 */
export const ConfusionMatrix = memo(function ConfusionMatrix({ confusion, classes }: Props) {
  const fractions = rowFractions(confusion);
  const perClass = perClassAccuracy(confusion, classes);
  const worst = topConfusions(confusion, classes);
  const overall = overallAccuracy(confusion);
  // Ten classes (Fashion-MNIST, CIFAR-10) must fit the narrow results column without scrolling.
  const dense = confusion.length > DENSE_ABOVE;
  return (
    <div className={`tr-confusion${dense ? ' tr-confusion-dense' : ''}`}>
      <table
        data-testid="confusion-matrix"
        aria-label="Confusion matrix: rows are true classes, columns predicted classes"
      >
        <thead>
          <tr>
            <th scope="col" className="tr-cm-corner">
              true ↓ · predicted →
            </th>
            {confusion.map((_, j) => (
              <th key={j} scope="col" title={classes[j]} className="tr-cm-col">
                {j}
              </th>
            ))}
            <th scope="col" className="tr-cm-acc-head" title="accuracy of the class">
              {dense ? 'acc.' : 'accuracy'}
            </th>
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, i) => {
            const acc = perClass[i]!;
            return (
              <tr key={i}>
                <th scope="row" className="tr-cm-row" title={classes[i]}>
                  <span className="tr-cm-index">{i}</span> {classes[i] ?? `class ${i}`}
                </th>
                {row.map((count, j) => {
                  const f = fractions[i]![j]!;
                  const kind = i === j ? 'hit' : 'miss';
                  return (
                    <td
                      key={j}
                      className={`tr-cm-cell tr-cm-${kind}${f > 0.55 ? ' tr-cm-strong' : ''}`}
                      style={{ ['--f' as string]: `${Math.round(f * 100)}%` }}
                      title={`${classes[i] ?? i} predicted as ${classes[j] ?? j}: ${count} (${formatPercent(f)} of the row)`}
                    >
                      {count}
                    </td>
                  );
                })}
                <td className="tr-cm-acc">
                  <span className="tr-bar" aria-hidden="true">
                    <span style={{ width: `${(acc.accuracy ?? 0) * 100}%` }} />
                  </span>
                  <span className="tr-cm-acc-value">{formatPercent(acc.accuracy, 0)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="tr-note">
        Overall {formatPercent(overall)} on{' '}
        {confusion.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0).toLocaleString('en-US')}{' '}
        examples.
        {worst.length > 0 && (
          <>
            {' '}
            Most confused:{' '}
            {worst.map((w) => `${w.trueClass} → ${w.predicted} (${w.count})`).join(', ')}.
          </>
        )}
      </p>
    </div>
  );
});
