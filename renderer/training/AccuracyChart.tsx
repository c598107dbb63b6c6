import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochMetrics } from '../../main/training/types.ts';
import { AXIS_TICK, CHART, TOOLTIP_STYLE } from './chartTheme.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { formatPercent } from './format.ts';
import { epochX } from './liveRun.ts';
import { batchRows, type BatchPoint } from './series.ts';

interface Props {
  points: readonly BatchPoint[];
  epochs: readonly EpochMetrics[];
  plannedEpochs: number;
  smoothing: number;
}

const percentTick = (v: number) => `${Math.round(v * 100)}%`;

/** Training accuracy (smoothed per batch, and per epoch) against validation accuracy per epoch. */
export const AccuracyChart = memo(function AccuracyChart({
  points,
  epochs,
  plannedEpochs,
  smoothing,
}: Props) {
  const rows = useMemo(
    () => batchRows(points, smoothing).filter((r) => r.accuracySmooth !== null),
    [points, smoothing],
  );
  const epochRows = useMemo(
    () =>
      epochs.map((e, i) => ({
        x: epochX(i),
        trainAccuracy: e.trainAccuracy,
        valAccuracy: e.valAccuracy,
      })),
    [epochs],
  );
  const maxX = Math.max(plannedEpochs, rows[rows.length - 1]?.x ?? 0, epochRows.length);
  const hasVal = epochRows.some((r) => r.valAccuracy !== null);
  return (
    <figure
      className="tr-chart"
      data-testid="accuracy-chart"
      data-points={rows.length + epochRows.length}
    >
      <figcaption>
        <span className="tr-chart-title">Accuracy</span>
        <ChartLegend
          items={[
            { label: 'train (smoothed)', colour: CHART.train, style: 'faint' },
            { label: 'train / epoch', colour: CHART.train, style: 'line' },
            ...(hasVal
              ? [{ label: 'validation', colour: CHART.val, style: 'dashed' as const }]
              : []),
          ]}
        />
      </figcaption>
      {rows.length === 0 && epochRows.length === 0 ? (
        <p className="tr-chart-empty">Training and validation accuracy appear here.</p>
      ) : (
        <LineChart
          responsive
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 4, right: 12, bottom: 0, left: -8 }}
        >
          <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, maxX]}
            tick={AXIS_TICK}
            stroke={CHART.axis}
            allowDecimals={false}
            tickCount={Math.min(maxX + 1, 11)}
          />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={percentTick}
            tick={AXIS_TICK}
            stroke={CHART.axis}
            width={48}
          />
          <Tooltip
            {...TOOLTIP_STYLE}
            labelFormatter={(x) => `epoch ${Number(Number(x).toFixed(2))}`}
            formatter={(v) => formatPercent(Number(v))}
          />
          <Line
            data={rows}
            dataKey="accuracySmooth"
            name="train (smoothed)"
            stroke={CHART.train}
            strokeWidth={1.5}
            strokeOpacity={0.55}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            data={epochRows}
            dataKey="trainAccuracy"
            name="train / epoch"
            stroke={CHART.train}
            strokeWidth={2}
            dot={{ r: 3, fill: CHART.train }}
            isAnimationActive={false}
          />
          {hasVal && (
            <Line
              data={epochRows}
              dataKey="valAccuracy"
              name="validation"
              stroke={CHART.val}
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={{ r: 3, fill: CHART.val }}
              isAnimationActive={false}
            />
          )}
        </LineChart>
      )}
    </figure>
  );
});
