/**
 * Both diagrams side by side, stage by stage: A's layers on the left, B's on the right, and between
 * them what differs in that stage — where the designs part is where the highlight is.
 */
import type { StageComparison } from '../../main/compare/compareNetworks.ts';
import { formatShape } from '../graph/format.ts';
import type { CompareResult, CompareSide } from './compareStore.ts';
import { deltaClass, formatDelta, type Figure } from './deltaFormat.ts';
import { StageColumn } from './StageColumn.tsx';

const STAGE_FIGURES: [Figure, string][] = [
  ['trainableParams', 'params'],
  ['nonTrainableParams', 'non-trainable'],
  ['macs', 'MACs'],
  ['activationBytes', 'activations'],
  ['trainingMemoryBytes', 'training memory'],
];

function StageDelta({ row }: { row: StageComparison }) {
  const d = row.delta;
  const only = !row.a ? 'B' : !row.b ? 'A' : null;
  const side = row.a ?? row.b!;
  return (
    <div className="compare-stage__mid">
      <span className="compare-stage__name">{row.name}</span>
      {only ? (
        <span className="compare-stage__only">only in {only}</span>
      ) : d && row.changed.length === 0 ? (
        <span className="compare-stage__same">same</span>
      ) : (
        <ul className="compare-stage__deltas">
          {STAGE_FIGURES.filter(([key]) => d && d[key] !== 0).map(([key, label]) => (
            <li
              key={key}
              className={deltaClass(d![key])}
              data-testid={`stage-delta-${row.name}-${key}`}
            >
              {formatDelta(key, d![key])} {label}
            </li>
          ))}
          {d?.outputShapeChanged && (
            <li className="delta delta--shape">
              {formatShape(row.a!.outputShape)} → {formatShape(row.b!.outputShape)}
            </li>
          )}
        </ul>
      )}
      {!only && !d?.outputShapeChanged && (
        <span className="compare-stage__shape">{formatShape(side.outputShape)}</span>
      )}
    </div>
  );
}

export function CompareStages(props: { result: CompareResult; a: CompareSide; b: CompareSide }) {
  const { comparison, analysisA, analysisB } = props.result;
  const sideA = { doc: props.a.doc, analysis: analysisA };
  const sideB = { doc: props.b.doc, analysis: analysisB };
  return (
    <div className="compare-stages" role="table" aria-label="Stage by stage">
      <div className="compare-stages__head" role="row">
        <span role="columnheader">A · {props.a.doc.name}</span>
        <span role="columnheader">Stage and B − A</span>
        <span role="columnheader">B · {props.b.doc.name}</span>
      </div>
      {comparison.stages.map((row, i) => (
        <div
          key={`${row.name}-${i}`}
          role="row"
          className={`compare-stage${row.changed.length > 0 ? ' is-changed' : ''}`}
          data-testid={`stage-${row.name}`}
        >
          <StageColumn
            nodeIds={row.a?.nodeIds ?? null}
            doc={props.a.doc}
            analysis={analysisA}
            other={sideB}
            side="a"
          />
          <StageDelta row={row} />
          <StageColumn
            nodeIds={row.b?.nodeIds ?? null}
            doc={props.b.doc}
            analysis={analysisB}
            other={sideA}
            side="b"
          />
        </div>
      ))}
    </div>
  );
}
