/**
 * Chart colours come from CSS variables so the charts follow the light and dark themes; recharts
 * accepts `var(--x)` anywhere it writes an SVG colour attribute.
 */
export const CHART = {
  grid: 'var(--border)',
  axis: 'var(--text-2)',
  train: 'var(--chart-train)',
  val: 'var(--chart-val)',
  tooltipBg: 'var(--panel)',
  tooltipBorder: 'var(--border)',
} as const;

/** Distinct colours for overlaid runs (colour-blind-safe Okabe–Ito order). */
export const RUN_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
] as const;

export const AXIS_TICK = { fill: CHART.axis, fontSize: 11 } as const;

export const TOOLTIP_STYLE = {
  contentStyle: {
    background: CHART.tooltipBg,
    border: `1px solid ${CHART.tooltipBorder}`,
    borderRadius: 6,
    fontSize: 12,
    color: 'var(--text)',
  },
  labelStyle: { color: 'var(--text-2)' },
} as const;
