import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochMetrics } from '../../main/training/types.ts';
import { AXIS_TICK, CHART, TOOLTIP_STYLE } from './chartTheme.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { formatLoss } from './format.ts';
import { epochX } from './liveRun.ts';
import { batchRows, type BatchPoint } from './series.ts';

interface Props {
  points: readonly BatchPoint[];
  epochs: readonly EpochMetrics[];
  /** Planned epochs, so the axis does not rescale as the run grows. */
  plannedEpochs: number;
  smoothing: number;
}

const epochLabel = (x: number) => `epoch ${Number(x.toFixed(2))}`;

/** Per-batch training loss (raw and smoothed) with per-epoch train and validation loss. */
export const LossChart = memo(function LossChart({
  points,
  epochs,
  plannedEpochs,
  smoothing,
}: Props) {
  const rows = useMemo(() => batchRows(points, smoothing), [points, smoothing]);
  const epochRows = useMemo(
    () => epochs.map((e, i) => ({ x: epochX(i), trainLoss: e.trainLoss, valLoss: e.valLoss })),
    [epochs],
  );
  const maxX = Math.max(plannedEpochs, rows[rows.length - 1]?.x ?? 0, epochRows.length);
  const hasVal = epochRows.some((r) => r.valLoss !== null);
  return (
    <figure
      className="tr-chart"
      data-testid="loss-chart"
      data-points={rows.length + epochRows.length}
    >
      <figcaption>
        <span className="tr-chart-title">Loss</span>
        <ChartLegend
          items={[
            { label: 'batch', colour: CHART.train, style: 'faint' },
            { label: 'smoothed', colour: CHART.train, style: 'line' },
            { label: 'epoch', colour: CHART.train, style: 'dot' },
            ...(hasVal
              ? [{ label: 'validation', colour: CHART.val, style: 'dashed' as const }]
              : []),
          ]}
        />
      </figcaption>
      {rows.length === 0 && epochRows.length === 0 ? (
        <p className="tr-chart-empty">The loss curve appears here once training starts.</p>
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
            tick={AXIS_TICK}
            stroke={CHART.axis}
            width={48}
            tickFormatter={(v: number) => Number(v.toPrecision(2)).toString()}
            domain={['auto', 'auto']}
          />
          <Tooltip
            {...TOOLTIP_STYLE}
            labelFormatter={(x) => epochLabel(Number(x))}
            formatter={(v) => formatLoss(Number(v))}
          />
          <Line
            data={rows}
            dataKey="loss"
            name="batch"
            stroke={CHART.train}
            strokeOpacity={0.22}
            strokeWidth={1}
            dot={false}
            isAnimationActive={false}
            legendType="none"
          />
          <Line
            data={rows}
            dataKey="lossSmooth"
            name="train (smoothed)"
            stroke={CHART.train}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            data={epochRows}
            dataKey="trainLoss"
            name="train / epoch"
            stroke={CHART.train}
            strokeWidth={0}
            dot={{ r: 3, fill: CHART.train }}
            isAnimationActive={false}
          />
          {hasVal && (
            <Line
              data={epochRows}
              dataKey="valLoss"
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
