/** A compact legend in the chart's caption row, so the plot keeps all of its height. */
export interface LegendItem {
  label: string;
  colour: string;
  style: 'line' | 'dashed' | 'dot' | 'faint';
}

export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="tr-legend" aria-label="Legend">
      {items.map((item, index) => (
        <li key={`${index}:${item.label}`} title={item.label}>
          <svg width="16" height="8" aria-hidden="true">
            {item.style === 'dot' ? (
              <circle cx="8" cy="4" r="3" fill={item.colour} />
            ) : (
              <line
                x1="0"
                y1="4"
                x2="16"
                y2="4"
                stroke={item.colour}
                strokeWidth={item.style === 'faint' ? 1 : 2}
                strokeOpacity={item.style === 'faint' ? 0.35 : 1}
                strokeDasharray={item.style === 'dashed' ? '4 2' : undefined}
              />
            )}
          </svg>
          <span className="tr-legend-label">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
