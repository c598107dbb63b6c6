import type { ReactNode } from 'react';
import { CartesianGrid, LineChart, Tooltip, XAxis, YAxis, type YAxisProps } from 'recharts';
import { AXIS_TICK, CHART, TOOLTIP_STYLE } from './chartTheme.ts';

/** The y axis of an accuracy chart: 0–100 % in quarters. */
export const PERCENT_Y_AXIS = {
  domain: [0, 1],
  ticks: [0, 0.25, 0.5, 0.75, 1],
  tickFormatter: (v: number) => `${Math.round(v * 100)}%`,
} as const satisfies YAxisProps;

/**
 * The y axis of a loss chart. Three significant digits: with an automatic domain the ticks need
 * not be round (1.1, 1.1875, … 1.45), and two digits printed neighbouring ticks alike ("1.4", "1.4").
 */
export function lossYAxis(domain: YAxisProps['domain']): YAxisProps {
  return { domain, tickFormatter: formatLossTick };
}

/** A loss tick's label: three significant digits, no trailing zeros. */
export function formatLossTick(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

const epochLabel = (x: number) => `epoch ${Number(x.toFixed(2))}`;

interface EpochChartProps {
  /** Right end of the epoch axis. */
  maxX: number;
  /** Number of x ticks; omitted, recharts picks its default. */
  xTickCount?: number;
  /** Domain, ticks and tick format of the value axis. */
  yAxis: YAxisProps;
  /** How the tooltip writes a value. */
  formatValue: (v: number) => string;
  /** The `<Line>`s to draw. */
  children: ReactNode;
}

/**
 * A themed line chart over epochs: the grid, the integer epoch axis, the value axis and the
 * tooltip every training chart shares, with the caller's lines on top.
 */
export function EpochChart({ maxX, xTickCount, yAxis, formatValue, children }: EpochChartProps) {
  return (
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
        tickCount={xTickCount}
      />
      <YAxis {...yAxis} tick={AXIS_TICK} stroke={CHART.axis} width={48} />
      <Tooltip
        {...TOOLTIP_STYLE}
        labelFormatter={(x) => epochLabel(Number(x))}
        formatter={(v) => formatValue(Number(v))}
      />
      {children}
    </LineChart>
  );
}

interface ChartFigureProps {
  testId: string;
  /** Number of plotted points, exposed for end-to-end tests. */
  points?: number;
  caption: ReactNode;
  /** Placeholder shown instead of the chart while there is nothing to plot. */
  empty?: string | null;
  children: ReactNode;
}

/** The captioned frame around a training chart, with its placeholder while it has no data. */
export function ChartFigure({ testId, points, caption, empty, children }: ChartFigureProps) {
  return (
    <figure className="tr-chart" data-testid={testId} data-points={points}>
      <figcaption>{caption}</figcaption>
      {empty ? <p className="tr-chart-empty">{empty}</p> : children}
    </figure>
  );
}
