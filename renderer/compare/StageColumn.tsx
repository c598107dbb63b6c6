/**
 * One side of one stage in the compare view: the stage's layers as small cards (type colour, name,
 * key settings, output shape, parameters), in the order data flows through them. A layer that the
 * other design has with other settings or shape, or does not have at all, is marked.
 */
import type { NetworkAnalysis, NetworkDoc } from '../../main/network/types.ts';
import { formatCompact, formatShape } from '../graph/format.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';

/** Long stages (ResNet-152's layer3 has 36 blocks) show their first layers and a count. */
const MAX_SHOWN = 8;

/** How a layer compares with the layer of the same id in the other design. */
function layerDiff(
  id: string,
  mine: { doc: NetworkDoc; analysis: NetworkAnalysis },
  other: { doc: NetworkDoc; analysis: NetworkAnalysis },
): 'same' | 'changed' | 'only' {
  const theirs = other.doc.nodes.find((n) => n.id === id);
  if (!theirs) return 'only';
  const ours = mine.doc.nodes.find((n) => n.id === id);
  const a = mine.analysis.nodes[id];
  const b = other.analysis.nodes[id];
  const same =
    ours?.type === theirs.type &&
    a?.summary === b?.summary &&
    formatShape(a?.outputShape) === formatShape(b?.outputShape) &&
    a?.trainableParams === b?.trainableParams;
  return same ? 'same' : 'changed';
}

const MARK = { changed: 'differs', only: 'only here' } as const;

export function StageColumn(props: {
  nodeIds: readonly string[] | null;
  doc: NetworkDoc;
  analysis: NetworkAnalysis;
  other: { doc: NetworkDoc; analysis: NetworkAnalysis };
  side: 'a' | 'b';
}) {
  const catalog = useAnalysisStore((s) => s.catalogByType);
  if (!props.nodeIds)
    return (
      <div className="compare-stage__side compare-stage__side--absent">
        Not in {props.side.toUpperCase()}
      </div>
    );
  const byId = new Map(props.doc.nodes.map((n) => [n.id, n]));
  const shown = props.nodeIds.slice(0, MAX_SHOWN);
  return (
    <ol className="compare-stage__side">
      {shown.map((id) => {
        const node = byId.get(id);
        const a = props.analysis.nodes[id];
        const group = node ? (catalog.get(node.type)?.group ?? 'unknown') : 'unknown';
        const params = a ? a.trainableParams + a.nonTrainableParams : 0;
        const diff = layerDiff(id, props, props.other);
        return (
          <li
            key={id}
            className={`compare-layer group-${group}${diff === 'same' ? '' : ` is-${diff}`}`}
            data-testid={`cmp-${props.side}-${id}`}
            data-diff={diff}
          >
            <span className="compare-layer__name">
              <strong>{node?.type ?? '?'}</strong> {node?.label || id}
              {diff !== 'same' && <span className="compare-layer__mark">{MARK[diff]}</span>}
            </span>
            {/* An Input's summary is its shape, already shown as the output. */}
            {a?.summary && a.summary !== formatShape(a.outputShape) && (
              <span className="compare-layer__summary">{a.summary}</span>
            )}
            <span className="compare-layer__figures">
              <span>{formatShape(a?.outputShape)}</span>
              {params > 0 && <span>{formatCompact(params)} params</span>}
            </span>
          </li>
        );
      })}
      {props.nodeIds.length > shown.length && (
        <li className="compare-layer compare-layer--more">
          + {props.nodeIds.length - shown.length} more layers
        </li>
      )}
    </ol>
  );
}
