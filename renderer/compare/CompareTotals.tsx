/** The totals of A and B with B − A, every row that differs highlighted. */
import type { Comparison } from '../../main/compare/compareNetworks.ts';
import { formatShape } from '../graph/format.ts';
import {
  deltaClass,
  formatDelta,
  formatFigure,
  formatPercent,
  type Figure,
} from './deltaFormat.ts';

const rf = (r: [number, number] | null) => (r ? `${r[0]}×${r[1]}` : '?');
const signed = (d: number) => (d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0');

export function CompareTotals({ c }: { c: Comparison }) {
  const { batchSize, optimizer } = c.memoryAssumes;
  const rows: [Figure, string][] = [
    ['trainableParams', 'Trainable parameters'],
    ['nonTrainableParams', 'Non-trainable parameters'],
    ['macs', 'MACs per example'],
    ['activationBytes', 'Activation memory per example'],
    [
      'trainingMemoryBytes',
      `Training memory (batch ${batchSize}, ${optimizer === 'adam' ? 'Adam' : 'SGD'})`,
    ],
  ];
  const rfDelta = c.delta.receptiveField;
  return (
    <table className="compare-totals" data-testid="compare-totals">
      <thead>
        <tr>
          <th scope="col">Total</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
          <th scope="col">B − A</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, label]) => {
          const d = c.delta[key];
          return (
            <tr
              key={key}
              className={d !== 0 ? 'is-changed' : undefined}
              data-testid={`total-${key}`}
            >
              <th scope="row">{label}</th>
              <td>{formatFigure(key, c.a[key])}</td>
              <td>{formatFigure(key, c.b[key])}</td>
              <td className={deltaClass(d)} data-testid={`delta-${key}`}>
                {formatDelta(key, d)}
                {formatPercent(d, c.a[key])}
              </td>
            </tr>
          );
        })}
        <tr className={c.delta.outputShapeChanged ? 'is-changed' : undefined}>
          <th scope="row">Output shape</th>
          <td>{formatShape(c.a.outputShape)}</td>
          <td>{formatShape(c.b.outputShape)}</td>
          <td className="delta">{c.delta.outputShapeChanged ? 'differs' : 'same'}</td>
        </tr>
        <tr className={c.changed.includes('receptiveField') ? 'is-changed' : undefined}>
          <th scope="row">Receptive field</th>
          <td>{rf(c.a.receptiveField)}</td>
          <td>{rf(c.b.receptiveField)}</td>
          <td className="delta" data-testid="delta-receptiveField">
            {rfDelta
              ? rfDelta[0] === 0 && rfDelta[1] === 0
                ? 'same'
                : rfDelta[0] === rfDelta[1]
                  ? `${signed(rfDelta[0])} px`
                  : `${rfDelta.map(signed).join('×')} px`
              : '?'}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
