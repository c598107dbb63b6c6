/** Plain-text tables with aligned columns, for terminals and logs. */

export interface Column {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

/** Visible width: counts code points, so `×` and `…` take one column. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Renders `rows` under `columns` as lines separated by two spaces, a dashed rule under the
 * header and, when given, a rule above a `footer` row. Each line ends with `\n`; trailing
 * spaces are trimmed.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly string[][],
  footer?: string[],
): string {
  const all = footer ? [...rows, footer] : rows;
  const widths = columns.map((c, i) =>
    Math.max(width(c.header), ...all.map((r) => width(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => pad(cells[i] ?? '', widths[i]!, c.align ?? 'left'))
      .join('  ')
      .trimEnd() + '\n';
  const rule = widths.map((w) => '─'.repeat(w)).join('  ') + '\n';
  let text = line(columns.map((c) => c.header)) + rule;
  for (const row of rows) text += line(row);
  if (footer) text += rule + line(footer);
  return text;
}
