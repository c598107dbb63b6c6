/**
 * The card of one layer on the canvas: type, id, key settings, output shape and parameter count;
 * zoomed out, a compact block with the type, output shape and a size bar in large type. A
 * collapsed ResidualBlock shows its shortcut (identity or 1×1 projection) beside the card.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { paramsText } from '../../main/network/catalog/format.ts';
import { formatCompact, formatShape } from '../graph/format.ts';
import { Icon } from '../ui/Icon.tsx';
import type { LayerFlowNode } from './toFlow.ts';
import { useCompact, useTiny } from './zoomLevel.ts';

function LayerNodeView({ data, selected }: NodeProps<LayerFlowNode>) {
  const { node, analysis, group, problems, inputs, size, direction } = data;
  const compact = useCompact();
  const tiny = useTiny();
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  // "unknown": no problem of its own, but an upstream error leaves its shape unknown.
  const unknown = analysis !== undefined && analysis.outputShape === null;
  const state =
    errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : unknown ? 'unknown' : 'ok';
  const params = analysis ? analysis.trainableParams + analysis.nonTrainableParams : 0;
  const title = problems
    .map((p) => `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`)
    .join('\n');
  const merge = node.type === 'Add' || node.type === 'Concat';
  const down = direction === 'down';
  const shortcut = analysis?.shortcut;
  const shape = analysis ? formatShape(analysis.outputShape) : '…';
  if (tiny)
    return (
      <div
        className={`layer-card is-tiny group-${group ?? 'unknown'} state-${state}${selected ? ' is-selected' : ''}`}
        title={`${node.type} ${node.label ?? node.id}: ${shape}`}
        data-testid={`node-${node.id}`}
      >
        <span className="layer-card__bar">
          <span style={{ width: `${Math.round(size * 100)}%` }} />
        </span>
        {/* Hidden, not left out: React Flow finds a wire's ends by measuring the handles when a
            card mounts, and a card first drawn tiny would otherwise never show its wires. */}
        {node.type !== 'Input' && (
          <Handle type="target" position={down ? Position.Top : Position.Left} />
        )}
        <Handle type="source" position={down ? Position.Bottom : Position.Right} />
      </div>
    );
  return (
    <div
      className={`layer-card group-${group ?? 'unknown'} state-${state}${selected ? ' is-selected' : ''}${compact ? ' is-compact' : ''}`}
      title={title || undefined}
      data-testid={`node-${node.id}`}
    >
      {node.type !== 'Input' && (
        <Handle
          type="target"
          position={down ? Position.Top : Position.Left}
          aria-label={`Input of ${node.id}`}
        />
      )}
      {compact ? (
        <div className="layer-card__compact">
          <span className="layer-card__ctype">{node.type}</span>
          <span className="layer-card__cshape" data-testid="node-shape">
            {shape}
          </span>
          <span className="layer-card__bar" title={`${params} parameters`}>
            <span style={{ width: `${Math.round(size * 100)}%` }} />
          </span>
        </div>
      ) : (
        <>
          <div className="layer-card__head">
            <span className="layer-card__icon">
              <Icon name={group ?? 'Blocks'} size={14} />
            </span>
            <span className="layer-card__type">{node.type}</span>
            <span className="layer-card__id" title={node.id}>
              {node.label ?? node.id}
            </span>
            {(state === 'error' || state === 'warning') && (
              <span
                className={`layer-card__badge badge-${state}`}
                aria-label={`${problems.length} problem(s)`}
              >
                <Icon name={state === 'error' ? 'error' : 'warning'} size={13} />
              </span>
            )}
          </div>
          <div className="layer-card__summary">
            {analysis?.summary || (merge ? `${inputs} input${inputs === 1 ? '' : 's'}` : '\u00a0')}
          </div>
          <div className="layer-card__foot">
            <span className="layer-card__shape" data-testid="node-shape">
              {shape}
            </span>
            {node.frozen === true && (
              <span
                className="layer-card__frozen"
                data-testid="node-frozen"
                title="Frozen: its weights are kept while the rest of the network trains"
              >
                frozen
              </span>
            )}
            <span
              className="layer-card__params"
              data-testid="node-params"
              title={
                analysis
                  ? paramsText(analysis.trainableParams, analysis.nonTrainableParams)
                  : undefined
              }
            >
              {analysis
                ? paramsText(
                    analysis.trainableParams,
                    analysis.nonTrainableParams,
                    formatCompact,
                    true,
                  )
                : ''}
            </span>
          </div>
        </>
      )}
      {shortcut && <ShortcutMark kind={shortcut} down={down} />}
      <Handle
        type="source"
        position={down ? Position.Bottom : Position.Right}
        aria-label={`Output of ${node.id}`}
      />
    </div>
  );
}

/**
 * The block's shortcut drawn as a wire around the card, from its input side to its output side
 * (a ⊕ where it is added back); a projection carries a small 1×1 box on it.
 */
function ShortcutMark({ kind, down }: { kind: 'identity' | 'projection'; down: boolean }) {
  const text = kind === 'identity' ? 'identity shortcut' : '1×1 projection shortcut';
  // Drawn for top→bottom beside the right edge; left→right, the same wire under the card.
  return (
    <svg
      className={`shortcut-mark shortcut-mark--${down ? 'down' : 'right'} shortcut-${kind}`}
      viewBox={down ? '0 0 26 84' : '0 0 200 26'}
      data-testid="shortcut-mark"
      data-kind={kind}
      role="img"
      aria-label={text}
    >
      <title>{text}</title>
      {down ? (
        <>
          <path d="M0 6 H10 Q16 6 16 12 V72 Q16 78 10 78 H3" fill="none" />
          <path d="M7 74.5 L3 78 L7 81.5" fill="none" />
          {kind === 'projection' && <rect x="10" y="33" width="12" height="18" rx="2" />}
        </>
      ) : (
        <>
          <path d="M8 0 V10 Q8 16 14 16 H180 Q186 16 186 10 V3" fill="none" />
          <path d="M182.5 7 L186 3 L189.5 7" fill="none" />
          {kind === 'projection' && <rect x="88" y="10" width="24" height="12" rx="2" />}
        </>
      )}
    </svg>
  );
}

/** Memoised: re-renders only when this node's data or selection changes. */
export const LayerNode = memo(LayerNodeView);
