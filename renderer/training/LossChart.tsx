import { memo, useMemo } from 'react';
import { Line } from 'recharts';
import type { EpochMetrics } from '../../main/training/types.ts';
import { CHART } from './chartTheme.ts';
import type { LegendItem } from './ChartLegend.tsx';
import { lossYAxis } from './EpochChart.tsx';
import { formatLoss } from './format.ts';
import { LiveRunChart } from './LiveRunChart.tsx';
import { epochX } from './liveRun.ts';
import type { BatchRow } from './series.ts';

interface Props {
  /** The run's batch rows, smoothed (see `batchRows`). */
  batchRows: readonly BatchRow[];
  epochs: readonly EpochMetrics[];
  /** Planned epochs, so the axis does not rescale as the run grows. */
  plannedEpochs: number;
}

const LEGEND: readonly LegendItem[] = [
  { label: 'batch', colour: CHART.train, style: 'faint' },
  { label: 'smoothed', colour: CHART.train, style: 'line' },
  { label: 'epoch', colour: CHART.train, style: 'dot' },
];

const LOSS_Y_AXIS = lossYAxis(['auto', 'auto']);

/** Per-batch training loss (raw and smoothed) with per-epoch train and validation loss. */
export const LossChart = memo(function LossChart({
  batchRows: rows,
  epochs,
  plannedEpochs,
}: Props) {
  const epochRows = useMemo(
    () => epochs.map((e, i) => ({ x: epochX(i), trainLoss: e.trainLoss, valLoss: e.valLoss })),
    [epochs],
  );
  return (
    <LiveRunChart
      testId="loss-chart"
      title="Loss"
      legend={LEGEND}
      placeholder="The loss curve appears here once training starts."
      batchRows={rows}
      epochRows={epochRows}
      valKey="valLoss"
      plannedEpochs={plannedEpochs}
      yAxis={LOSS_Y_AXIS}
      formatValue={formatLoss}
    >
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
    </LiveRunChart>
  );
});
