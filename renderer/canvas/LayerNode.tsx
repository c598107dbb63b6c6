/** The card of one layer on the canvas: type, id, key settings, output shape and parameter count. */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatCompact, formatShape } from '../graph/format.ts';
import { Icon } from '../ui/Icon.tsx';
import type { LayerFlowNode } from './toFlow.ts';

function LayerNodeView({ data, selected }: NodeProps<LayerFlowNode>) {
  const { node, analysis, group, problems, inputs } = data;
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
  return (
    <div
      className={`layer-card group-${group ?? 'unknown'} state-${state}${selected ? ' is-selected' : ''}`}
      title={title || undefined}
      data-testid={`node-${node.id}`}
    >
      {node.type !== 'Input' && (
        <Handle type="target" position={Position.Top} aria-label={`Input of ${node.id}`} />
      )}
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
          {analysis ? formatShape(analysis.outputShape) : '…'}
        </span>
        <span
          className="layer-card__params"
          data-testid="node-params"
          title={analysis ? `${params} parameters` : undefined}
        >
          {params > 0 ? `${formatCompact(params)} params` : ''}
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} aria-label={`Output of ${node.id}`} />
    </div>
  );
}

/** Memoised: re-renders only when this node's data or selection changes. */
export const LayerNode = memo(LayerNodeView);
