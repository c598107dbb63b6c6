/**
 * A wire drawn along its route (see diagram/route.ts): around the cards, never through them, with
 * its tensor-shape label where it covers no card, and no label while the canvas is compact.
 */
import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { roundedPath } from '../diagram/route.ts';
import { LABEL_HEIGHT, labelWidth } from '../diagram/view.ts';
import { useRoute } from './routeStore.ts';
import type { RoutedEdge as RoutedEdgeType } from './toFlow.ts';
import { useCompact } from './zoomLevel.ts';

function RoutedEdgeView({
  id,
  data,
  markerEnd,
  style,
  interactionWidth,
}: EdgeProps<RoutedEdgeType>) {
  const compact = useCompact();
  // The route comes from the canvas's route store, not from the edge (see routeStore.ts).
  const route = useRoute(id);
  if (!data || !route) return null;
  const { label } = data;
  const { points, label: labelAt } = route;
  const w = labelWidth(label);
  return (
    <>
      <BaseEdge
        path={roundedPath(points)}
        markerEnd={markerEnd}
        style={style}
        interactionWidth={interactionWidth}
      />
      {label && labelAt && !compact && (
        <g transform={`translate(${labelAt.x - w / 2} ${labelAt.y - LABEL_HEIGHT / 2})`}>
          <rect className="react-flow__edge-textbg" width={w} height={LABEL_HEIGHT} rx={3} />
          <text
            className="react-flow__edge-text"
            x={w / 2}
            y={LABEL_HEIGHT / 2}
            textAnchor="middle"
            dominantBaseline="central"
          >
            {label}
          </text>
        </g>
      )}
    </>
  );
}

/** Memoised: re-renders only when its route, label, selection or end points change. */
export const RoutedEdge = memo(RoutedEdgeView);
