/**
 * Chart colours come from CSS variables so the charts follow the light and dark themes; recharts
 * accepts `var(--x)` anywhere it writes an SVG colour attribute.
 */
export const CHART = {
  grid: 'var(--tr-grid)',
  axis: 'var(--tr-muted)',
  train: 'var(--tr-train)',
  val: 'var(--tr-val)',
  tooltipBg: 'var(--tr-surface)',
  tooltipBorder: 'var(--tr-border)',
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
    color: 'var(--tr-text)',
  },
  labelStyle: { color: 'var(--tr-muted)' },
} as const;
