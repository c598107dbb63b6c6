/** The human-readable `netd compare` report: totals of A and B with B − A, then the same per stage. */
import type {
  CompareFigures,
  CompareSide,
  Comparison,
  StageComparison,
} from '../../compare/compareNetworks.ts';
import { fmtBytes, fmtInt } from '../../network/catalog/format.ts';
import { compact, shape } from './numbers.ts';
import { renderTable, type Column } from './table.ts';

/** `+1,234`, `−1,234` (a real minus), or `0`. */
function signedInt(n: number): string {
  return n > 0 ? `+${fmtInt(n)}` : n < 0 ? `−${fmtInt(-n)}` : '0';
}

function signedBytes(n: number): string {
  return n > 0 ? `+${fmtBytes(n)}` : n < 0 ? `−${fmtBytes(-n)}` : '0';
}

/** ` (−32.1 %)` relative to A; empty when A is 0 or nothing changed. */
function percent(d: number, a: number): string {
  if (d === 0 || a === 0) return '';
  const p = (d / a) * 100;
  const text = Math.abs(p) >= 10 ? p.toFixed(0) : p.toFixed(1);
  return ` (${p > 0 ? '+' : '−'}${text.replace('-', '')} %)`;
}

const rfText = (rf: [number, number] | null) => (rf ? `${rf[0]}×${rf[1]}` : '?');

/** `a → b`, or just `a` when both are the same. */
function change(a: string, b: string): string {
  return a === b ? a : `${a} → ${b}`;
}

type Figure = keyof CompareFigures;

const TOTAL_ROWS: readonly [Figure, string, (n: number) => string, (n: number) => string][] = [
  ['trainableParams', 'Trainable params', fmtInt, signedInt],
  ['nonTrainableParams', 'Non-trainable params', fmtInt, signedInt],
  [
    'macs',
    'MACs per example',
    (n) => `${fmtInt(n)}${n >= 1000 ? ` (${compact(n)})` : ''}`,
    signedInt,
  ],
  ['activationBytes', 'Activation memory', fmtBytes, signedBytes],
  ['trainingMemoryBytes', 'Training memory', fmtBytes, signedBytes],
];

function totalsTable(c: Comparison): string {
  const { batchSize, optimizer } = c.memoryAssumes;
  const rows = TOTAL_ROWS.map(([key, label, fmt, signed]) => [
    key === 'trainingMemoryBytes' ? `${label} (batch ${batchSize}, ${optimizer})` : label,
    fmt(c.a[key]),
    fmt(c.b[key]),
    signed(c.delta[key]) + percent(c.delta[key], c.a[key]),
  ]);
  rows.push(
    [
      'Output shape',
      shape(c.a.outputShape),
      shape(c.b.outputShape),
      c.delta.outputShapeChanged ? 'differs' : 'same',
    ],
    [
      'Receptive field',
      rfText(c.a.receptiveField),
      rfText(c.b.receptiveField),
      c.delta.receptiveField
        ? c.delta.receptiveField.every((d) => d === 0)
          ? 'same'
          : c.delta.receptiveField.map(signedInt).join('×')
        : '?',
    ],
  );
  const columns: Column[] = [
    { header: '' },
    { header: 'A', align: 'right' },
    { header: 'B', align: 'right' },
    { header: 'B − A', align: 'right' },
  ];
  return renderTable(columns, rows);
}

const cell = (s: CompareSide | null, f: (s: CompareSide) => string) => (s ? f(s) : '—');

function stageRow(row: StageComparison, withNonTrainable: boolean): string[] {
  const { a, b, delta: d } = row;
  const outA = cell(a, (s) => shape(s.outputShape));
  const outB = cell(b, (s) => shape(s.outputShape));
  const cells = [
    // A mark where the stage differs, so the eye finds where the designs part.
    `${row.changed.length > 0 ? '*' : ' '} ${row.name}`,
    change(outA, outB),
    cell(a, (s) => fmtInt(s.trainableParams)),
    cell(b, (s) => fmtInt(s.trainableParams)),
    d ? signedInt(d.trainableParams) : '',
  ];
  if (withNonTrainable) cells.push(d ? signedInt(d.nonTrainableParams) : '');
  cells.push(
    cell(a, (s) => compact(s.macs)),
    cell(b, (s) => compact(s.macs)),
    d ? signedInt(d.macs) : '',
    d ? signedBytes(d.activationBytes) : '',
    d ? signedBytes(d.trainingMemoryBytes) : '',
    change(
      cell(a, (s) => rfText(s.receptiveField)),
      cell(b, (s) => rfText(s.receptiveField)),
    ),
  );
  return cells;
}

function stagesTable(c: Comparison): string {
  const withNonTrainable = c.a.nonTrainableParams > 0 || c.b.nonTrainableParams > 0;
  const columns: Column[] = [
    { header: '  stage' },
    { header: 'output' },
    { header: 'params A', align: 'right' },
    { header: 'params B', align: 'right' },
    { header: 'Δ params', align: 'right' },
    ...(withNonTrainable ? [{ header: 'Δ non-train.', align: 'right' } as const] : []),
    { header: 'MACs A', align: 'right' },
    { header: 'MACs B', align: 'right' },
    { header: 'Δ MACs', align: 'right' },
    { header: 'Δ activations', align: 'right' },
    { header: 'Δ train. memory', align: 'right' },
    { header: 'receptive field', align: 'right' },
  ];
  return renderTable(
    columns,
    c.stages.map((row) => stageRow(row, withNonTrainable)),
  );
}

/** Renders the comparison of A (`fileA`) and B (`fileB`); ends with a newline. */
export function compareTable(c: Comparison, fileA: string, fileB: string): string {
  const invalid = (valid: boolean) => (valid ? '' : '  (has design errors: run netd inspect)');
  return (
    `A: ${c.a.name} (${fileA})${invalid(c.a.valid)}\n` +
    `B: ${c.b.name} (${fileB})${invalid(c.b.valid)}\n\n` +
    totalsTable(c) +
    `\nPer stage (* where A and B differ; Δ = B − A):\n\n` +
    stagesTable(c)
  );
}
