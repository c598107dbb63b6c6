import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunDetail } from '../../main/training/types.ts';
import { AXIS_TICK, CHART, RUN_COLOURS, TOOLTIP_STYLE } from './chartTheme.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { formatLoss, formatPercent } from './format.ts';
import { epochX } from './liveRun.ts';

interface Props {
  runs: readonly RunDetail[];
}

type Metric = 'accuracy' | 'loss';

/**
 * Several runs' validation curves overlaid per epoch. Runs trained without a validation split fall
 * back to their training curve, marked "(train)" in the legend.
 */
export const CompareChart = memo(function CompareChart({ runs }: Props) {
  const [metric, setMetric] = useState<Metric>('accuracy');
  const series = useMemo(
    () =>
      runs.map((run) => {
        const hasVal = run.epochHistory.some(
          (e) => (metric === 'accuracy' ? e.valAccuracy : e.valLoss) !== null,
        );
        return {
          run,
          label: `${run.name}${hasVal ? '' : ' (train)'}`,
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
      }),
    [runs, metric],
  );
  const maxX = Math.max(1, ...series.map((s) => s.rows.length));
  return (
    <figure className="tr-chart" data-testid="compare-chart">
      <figcaption>
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
      </figcaption>
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
        />
        {metric === 'accuracy' ? (
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            tick={AXIS_TICK}
            stroke={CHART.axis}
            width={48}
          />
        ) : (
          <YAxis
            domain={[0, 'auto']}
            tick={AXIS_TICK}
            stroke={CHART.axis}
            width={48}
            tickFormatter={(v: number) => Number(v.toPrecision(2)).toString()}
          />
        )}
        <Tooltip
          {...TOOLTIP_STYLE}
          labelFormatter={(x) => `epoch ${String(x)}`}
          formatter={(v) =>
            metric === 'accuracy' ? formatPercent(Number(v)) : formatLoss(Number(v))
          }
        />
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
      </LineChart>
    </figure>
  );
});
