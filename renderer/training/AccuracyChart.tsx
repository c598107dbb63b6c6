import { memo, useMemo } from 'react';
import { Line } from 'recharts';
import type { EpochMetrics } from '../../main/training/types.ts';
import { CHART } from './chartTheme.ts';
import type { LegendItem } from './ChartLegend.tsx';
import { PERCENT_Y_AXIS } from './EpochChart.tsx';
import { formatPercent } from './format.ts';
import { LiveRunChart } from './LiveRunChart.tsx';
import { epochX } from './liveRun.ts';
import type { BatchRow } from './series.ts';

interface Props {
  /** The run's batch rows, smoothed (see `batchRows`). */
  batchRows: readonly BatchRow[];
  epochs: readonly EpochMetrics[];
  plannedEpochs: number;
}

const LEGEND: readonly LegendItem[] = [
  { label: 'train (smoothed)', colour: CHART.train, style: 'faint' },
  { label: 'train / epoch', colour: CHART.train, style: 'line' },
];

/** Training accuracy (smoothed per batch, and per epoch) against validation accuracy per epoch. */
export const AccuracyChart = memo(function AccuracyChart({
  batchRows,
  epochs,
  plannedEpochs,
}: Props) {
  const rows = useMemo(() => batchRows.filter((r) => r.accuracySmooth !== null), [batchRows]);
  const epochRows = useMemo(
    () =>
      epochs.map((e, i) => ({
        x: epochX(i),
        trainAccuracy: e.trainAccuracy,
        valAccuracy: e.valAccuracy,
      })),
    [epochs],
  );
  return (
    <LiveRunChart
      testId="accuracy-chart"
      title="Accuracy"
      legend={LEGEND}
      placeholder="Training and validation accuracy appear here."
      batchRows={rows}
      epochRows={epochRows}
      valKey="valAccuracy"
      plannedEpochs={plannedEpochs}
      yAxis={PERCENT_Y_AXIS}
      formatValue={formatPercent}
    >
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
    </LiveRunChart>
  );
});
