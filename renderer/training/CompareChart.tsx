import { memo, useMemo, useState } from 'react';
import { Line } from 'recharts';
import type { RunDetail } from '../../main/training/types.ts';
import { RUN_COLOURS } from './chartTheme.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { ChartFigure, EpochChart, lossYAxis, PERCENT_Y_AXIS } from './EpochChart.tsx';
import { formatLoss, formatPercent } from './format.ts';
import { epochX } from './liveRun.ts';
import { runLabels } from './runLabels.ts';

interface Props {
  runs: readonly RunDetail[];
}

type Metric = 'accuracy' | 'loss';

// Overlaid runs are compared against a loss axis that starts at zero.
const LOSS_Y_AXIS = lossYAxis([0, 'auto']);

/**
 * Several runs' validation curves overlaid per epoch. Runs trained without a validation split fall
 * back to their training curve, marked "(train)" in the legend.
 */
export const CompareChart = memo(function CompareChart({ runs }: Props) {
  const [metric, setMetric] = useState<Metric>('accuracy');
  const series = useMemo(() => {
    const names = runLabels(runs);
    return runs.map((run, index) => {
      const hasVal = run.epochHistory.some(
        (e) => (metric === 'accuracy' ? e.valAccuracy : e.valLoss) !== null,
      );
      return {
        run,
        label: `${names[index]}${hasVal ? '' : ' (train)'}`,
        rows: run.epochHistory.map((e, i) => ({
          x: epochX(i),
          value:
            metric === 'accuracy'
              ? hasVal
                ? e.valAccuracy
                : e.trainAccuracy
              : hasVal
                ? e.valLoss
                : e.trainLoss,
        })),
      };
    });
  }, [runs, metric]);
  const maxX = Math.max(1, ...series.map((s) => s.rows.length));
  return (
    <ChartFigure
      testId="compare-chart"
      caption={
        <>
          Comparison — validation{' '}
          <select
            aria-label="Compared metric"
            value={metric}
            onChange={(e) => setMetric(e.target.value as Metric)}
          >
            <option value="accuracy">accuracy</option>
            <option value="loss">loss</option>
          </select>
          <ChartLegend
            items={series.map((s, i) => ({
              label: s.label,
              colour: RUN_COLOURS[i % RUN_COLOURS.length]!,
              style: 'line' as const,
            }))}
          />
        </>
      }
    >
      <EpochChart
        maxX={maxX}
        yAxis={metric === 'accuracy' ? PERCENT_Y_AXIS : LOSS_Y_AXIS}
        formatValue={metric === 'accuracy' ? formatPercent : formatLoss}
      >
        {series.map((s, i) => (
          <Line
            key={s.run.runId}
            data={s.rows}
            dataKey="value"
            name={s.label}
            stroke={RUN_COLOURS[i % RUN_COLOURS.length]}
            strokeWidth={2}
            dot={{ r: 2.5 }}
            isAnimationActive={false}
          />
        ))}
      </EpochChart>
    </ChartFigure>
  );
});
