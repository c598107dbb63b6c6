/**
 * A folded stage: one box for a run of layers (a template's `layer3`, or layers of one output
 * size) with its name, how many layers it holds, its output shape and its totals. The unfold
 * button (or a double-click) shows its layers again.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatCompact, formatMacs, formatShape } from '../graph/format.ts';
import { setStageFolded } from '../state/commands.ts';
import { Icon } from '../ui/Icon.tsx';
import type { StageFlowNode } from './toFlow.ts';
import { useCompact } from './zoomLevel.ts';

function StageNodeView({ data, selected }: NodeProps<StageFlowNode>) {
  const { stage, size, direction } = data;
  const compact = useCompact();
  const down = direction === 'down';
  const t = stage.totals;
  const params = t.trainableParams + t.nonTrainableParams;
  const layers = `${stage.nodeIds.length} layers`;
  return (
    <div
      className={`layer-card stage-card group-Blocks${selected ? ' is-selected' : ''}${compact ? ' is-compact' : ''}`}
      data-testid={`stage-${stage.name}`}
      onDoubleClick={() => setStageFolded(stage.name, false)}
      title={`${stage.name}: ${layers} — double-click to unfold`}
    >
      <Handle type="target" position={down ? Position.Top : Position.Left} />
      {compact ? (
        <div className="layer-card__compact">
          <span className="layer-card__ctype">
            {stage.name} <small>×{stage.nodeIds.length}</small>
          </span>
          <span className="layer-card__cshape" data-testid="node-shape">
            {formatShape(stage.outputShape)}
          </span>
          <span className="layer-card__bar">
            <span style={{ width: `${Math.round(size * 100)}%` }} />
          </span>
        </div>
      ) : (
        <>
          <div className="layer-card__head">
            <span className="layer-card__icon">
              <Icon name="Blocks" size={14} />
            </span>
            <span className="layer-card__type">{stage.name}</span>
            <span className="layer-card__id">{layers}</span>
            <button
              type="button"
              className="stage-card__unfold nodrag"
              onClick={() => setStageFolded(stage.name, false)}
              aria-label={`Unfold ${stage.name}`}
              title="Unfold this stage"
              data-testid={`unfold-${stage.name}`}
            >
              <Icon name="expand" size={13} />
            </button>
          </div>
          <div className="layer-card__summary">{formatMacs(t.macs)} MACs</div>
          <div className="layer-card__foot">
            <span className="layer-card__shape" data-testid="node-shape">
              {formatShape(stage.outputShape)}
            </span>
            <span className="layer-card__params" data-testid="node-params">
              {params > 0 ? `${formatCompact(params)} params` : ''}
            </span>
          </div>
        </>
      )}
      <Handle type="source" position={down ? Position.Bottom : Position.Right} />
    </div>
  );
}

/** Memoised: re-renders only when its stage, size or selection changes. */
export const StageNode = memo(StageNodeView);
