import type { ReactNode } from 'react';
import { Line, type YAxisProps } from 'recharts';
import { ChartLegend, type LegendItem } from './ChartLegend.tsx';
import { CHART } from './chartTheme.ts';
import { ChartFigure, EpochChart } from './EpochChart.tsx';

/** Props of the dashed per-epoch validation curve. */
const VALIDATION_LINE = {
  name: 'validation',
  stroke: CHART.val,
  strokeWidth: 2,
  strokeDasharray: '5 3',
  dot: { r: 3, fill: CHART.val },
  isAnimationActive: false,
} as const;

/** The legend entry matching {@link VALIDATION_LINE}. */
const VALIDATION_LEGEND: LegendItem = {
  label: 'validation',
  colour: CHART.val,
  style: 'dashed',
};

interface Props<R extends { x: number }> {
  testId: string;
  title: string;
  /** Legend entries of the training curves; the validation entry is added when there is one. */
  legend: readonly LegendItem[];
  /** Shown until the first batch or epoch arrives. */
  placeholder: string;
  /** The per-batch rows plotted by `children` (they set how far the axis reaches). */
  batchRows: readonly { x: number }[];
  /** One row per finished epoch, holding the validation value under `valKey`. */
  epochRows: R[];
  valKey: keyof R & string;
  /** Planned epochs, so the axis does not rescale as the run grows. */
  plannedEpochs: number;
  yAxis: YAxisProps;
  formatValue: (v: number) => string;
  /** The training curves. */
  children: ReactNode;
}

/**
 * One metric of the watched run: its training curves (the caller's lines), the dashed validation
 * curve once any epoch has a validation value, and a placeholder until there is data.
 */
export function LiveRunChart<R extends { x: number }>({
  testId,
  title,
  legend,
  placeholder,
  batchRows,
  epochRows,
  valKey,
  plannedEpochs,
  yAxis,
  formatValue,
  children,
}: Props<R>) {
  const maxX = Math.max(plannedEpochs, batchRows[batchRows.length - 1]?.x ?? 0, epochRows.length);
  const hasVal = epochRows.some((r) => r[valKey] !== null);
  return (
    <ChartFigure
      testId={testId}
      points={batchRows.length + epochRows.length}
      caption={
        <>
          <span className="tr-chart-title">{title}</span>
          <ChartLegend items={hasVal ? [...legend, VALIDATION_LEGEND] : legend} />
        </>
      }
      empty={batchRows.length === 0 && epochRows.length === 0 ? placeholder : null}
    >
      <EpochChart
        maxX={maxX}
        xTickCount={Math.min(maxX + 1, 11)}
        yAxis={yAxis}
        formatValue={formatValue}
      >
        {children}
        {hasVal && <Line data={epochRows} dataKey={valKey} {...VALIDATION_LINE} />}
      </EpochChart>
    </ChartFigure>
  );
}
