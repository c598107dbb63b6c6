/**
 * The diagram as a real vector drawing: rectangles, paths and text only (no foreignObject, no
 * embedded HTML), so librsvg, Inkscape, LaTeX and slide tools read it. Pure: the same view the
 * canvas shows (layout, folded stages, routed wires) in the colours of the current theme, under a
 * title with the network's name and totals.
 */
import type { LayerGroup, NetworkAnalysis, NodeAnalysis } from '../../main/network/types.ts';
import { formatCompact, formatInt, formatMacs, formatShape } from '../graph/format.ts';
import { NODE_HEIGHT as H, NODE_WIDTH as W } from '../graph/layout.ts';
import { roundedPath, type Box } from './route.ts';
import { LABEL_HEIGHT, labelWidth, type DiagramView, type ViewItem } from './view.ts';

/** The theme's colours (CSS custom properties of the same names, resolved). */
export interface SvgTheme {
  background: string;
  panel: string;
  panel2: string;
  border: string;
  borderStrong: string;
  text: string;
  text2: string;
  text3: string;
  error: string;
  warning: string;
  merge: string;
  groups: Partial<Record<LayerGroup | 'unknown', string>>;
}

export interface SvgInput {
  name: string;
  view: DiagramView;
  analysis: NetworkAnalysis | null;
  /** Layer group per layer type (the card's colour). */
  groups: ReadonlyMap<string, LayerGroup>;
  theme: SvgTheme;
}

export interface SvgDiagram {
  svg: string;
  width: number;
  height: number;
  /** Where each card was drawn, in the SVG's pixels (for tests and the PNG check). */
  cards: Box[];
}

const MARGIN = 32;
const HEADER = 64;
const SANS = "system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";
const MONO = "ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace";

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Cuts `text` to about `width` px at `perChar` px a character, with an ellipsis. */
function fit(text: string, width: number, perChar: number): string {
  const max = Math.floor(width / perChar);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function text(
  x: number,
  y: number,
  content: string,
  attrs: { size: number; fill: string; weight?: number; mono?: boolean; anchor?: 'end' | 'middle' },
): string {
  return (
    `<text x="${x}" y="${y}" font-family="${esc(attrs.mono ? MONO : SANS)}" font-size="${attrs.size}"` +
    (attrs.weight ? ` font-weight="${attrs.weight}"` : '') +
    (attrs.anchor ? ` text-anchor="${attrs.anchor}"` : '') +
    ` fill="${attrs.fill}">${esc(content)}</text>`
  );
}

/** The totals line under the title. */
export function totalsLine(analysis: NetworkAnalysis | null, layers: number): string {
  if (!analysis) return `${layers} layers`;
  const t = analysis.totals;
  return [
    `${formatInt(t.trainableParams)} trainable params`,
    `${formatInt(t.nonTrainableParams)} non-trainable`,
    `${formatMacs(t.macs)} MACs`,
    `${layers} layers`,
  ].join('  ·  ');
}

function cardFrame(x: number, y: number, stroke: string, fill: string, width = 1): string {
  return `<rect x="${x + 0.5}" y="${y + 0.5}" width="${W - 1}" height="${H - 1}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="${width}"/>`;
}

/** Left colour strip and footer band, both following the card's rounded corners. */
function cardBands(x: number, y: number, group: string, foot: string, line: string): string {
  return (
    `<path d="M${x + 8} ${y + 1}H${x + 4}a3 3 0 0 0-3 3V${y + H - 4}a3 3 0 0 0 3 3H${x + 8}z" fill="${group}"/>` +
    `<path d="M${x + 5} ${y + 56}H${x + W - 1}V${y + H - 8}a7 7 0 0 1-7 7H${x + 5}z" fill="${foot}"/>` +
    `<path d="M${x + 5} ${y + 56.5}H${x + W - 1}" stroke="${line}" stroke-width="1"/>`
  );
}

function layerCard(
  item: Extract<ViewItem, { kind: 'layer' }>,
  a: NodeAnalysis | undefined,
  problems: 'error' | 'warning' | null,
  input: SvgInput,
): string {
  const { theme } = input;
  const { x, y } = item.box;
  const n = item.node;
  const group = theme.groups[input.groups.get(n.type) ?? 'unknown'] ?? theme.text3;
  const stroke =
    problems === 'error'
      ? theme.error
      : problems === 'warning'
        ? theme.warning
        : theme.borderStrong;
  const params = a ? a.trainableParams + a.nonTrainableParams : 0;
  const id = n.label ?? n.id;
  const typeWidth = n.type.length * 7.8;
  const parts = [
    `<g data-node="${esc(n.id)}">`,
    cardFrame(x, y, stroke, theme.panel),
    cardBands(x, y, group, theme.panel2, theme.border),
    text(x + 14, y + 20, n.type, { size: 13, fill: theme.text, weight: 650 }),
    text(x + W - 10, y + 20, fit(id, W - 34 - typeWidth, 6.1), {
      size: 10,
      fill: theme.text3,
      mono: true,
      anchor: 'end',
    }),
    text(x + 14, y + 44, fit(a?.summary ?? '', W - 24, 6.6), { size: 12, fill: theme.text2 }),
    text(x + 14, y + 74, a ? formatShape(a.outputShape) : '…', {
      size: 11,
      fill: problems === 'error' ? theme.error : theme.text,
      weight: 600,
      mono: true,
    }),
  ];
  if (params > 0)
    parts.push(
      text(x + W - 10, y + 74, `${formatCompact(params)} params`, {
        size: 10,
        fill: theme.text3,
        mono: true,
        anchor: 'end',
      }),
    );
  if (a?.shortcut) parts.push(shortcutMark(x, y, a.shortcut, input));
  parts.push('</g>');
  return parts.join('');
}

/** The ResidualBlock's shortcut as on the canvas: a wire around the card, a box for a projection. */
function shortcutMark(x: number, y: number, kind: 'identity' | 'projection', input: SvgInput) {
  const c = input.theme.merge;
  const down = input.view.direction === 'down';
  const parts: string[] = [];
  if (down) {
    const sx = x + W + 1;
    parts.push(
      `<path d="M${sx} ${y + 6}H${sx + 10}q6 0 6 6V${y + 72}q0 6-6 6H${sx + 3}M${sx + 7} ${y + 74.5}L${sx + 3} ${y + 78}L${sx + 7} ${y + 81.5}" fill="none" stroke="${c}" stroke-width="2"/>`,
    );
    if (kind === 'projection')
      parts.push(
        `<rect x="${sx + 10}" y="${y + 33}" width="12" height="18" rx="2" fill="${input.theme.panel}" stroke="${c}" stroke-width="1.5"/>`,
      );
  } else {
    const sy = y + H + 1;
    parts.push(
      `<path d="M${x + 8} ${sy}V${sy + 10}q0 6 6 6H${x + 180}q6 0 6-6V${sy + 3}M${x + 182.5} ${sy + 7}L${x + 186} ${sy + 3}L${x + 189.5} ${sy + 7}" fill="none" stroke="${c}" stroke-width="2"/>`,
    );
    if (kind === 'projection')
      parts.push(
        `<rect x="${x + 88}" y="${sy + 10}" width="24" height="12" rx="2" fill="${input.theme.panel}" stroke="${c}" stroke-width="1.5"/>`,
      );
  }
  return parts.join('');
}

function stageCard(item: Extract<ViewItem, { kind: 'stage' }>, input: SvgInput): string {
  const { theme } = input;
  const { x, y } = item.box;
  const s = item.stage;
  const group = theme.groups.Blocks ?? theme.text3;
  const params = s.totals.trainableParams + s.totals.nonTrainableParams;
  const behind = [8, 4]
    .map(
      (d) =>
        `<rect x="${x + d + 0.5}" y="${y + d + 0.5}" width="${W - 1}" height="${H - 1}" rx="8" fill="${theme.panel}" stroke="${theme.borderStrong}"/>`,
    )
    .join('');
  return [
    `<g data-stage="${esc(s.name)}">`,
    behind,
    cardFrame(x, y, group, theme.panel, 1.5),
    cardBands(x, y, group, theme.panel2, theme.border),
    text(x + 14, y + 20, fit(s.name, 110, 7.8), {
      size: 13,
      fill: theme.text,
      weight: 650,
      mono: true,
    }),
    text(x + W - 10, y + 20, `${s.nodeIds.length} layers`, {
      size: 10,
      fill: theme.text3,
      mono: true,
      anchor: 'end',
    }),
    text(x + 14, y + 44, `${formatMacs(s.totals.macs)} MACs`, { size: 12, fill: theme.text2 }),
    text(x + 14, y + 74, formatShape(s.outputShape), {
      size: 11,
      fill: theme.text,
      weight: 600,
      mono: true,
    }),
    params > 0
      ? text(x + W - 10, y + 74, `${formatCompact(params)} params`, {
          size: 10,
          fill: theme.text3,
          mono: true,
          anchor: 'end',
        })
      : '',
    '</g>',
  ].join('');
}

/** Draws `input.view` as a standalone SVG document. */
export function diagramSvg(input: SvgInput): SvgDiagram {
  const { view, analysis, theme } = input;
  const boxes = view.items.map((i) => i.box);
  const pts = view.edges.flatMap((e) => e.route.points);
  // Shortcut marks and stacked stages reach past the card: leave room for them.
  const minX = Math.min(...boxes.map((b) => b.x), ...pts.map((p) => p.x));
  const minY = Math.min(...boxes.map((b) => b.y), ...pts.map((p) => p.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w + 28), ...pts.map((p) => p.x));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h + 28), ...pts.map((p) => p.y));
  const layers = view.items.reduce(
    (n, i) => n + (i.kind === 'layer' ? 1 : i.stage.nodeIds.length),
    0,
  );
  const totals = totalsLine(analysis, layers);
  const headerWidth = Math.max(input.name.length * 11.5, totals.length * 6.8);
  const width = Math.ceil(Math.max(maxX - minX, headerWidth) + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN + HEADER);
  const dx = MARGIN - minX;
  const dy = MARGIN + HEADER - minY;
  const problems = new Map<string, 'error' | 'warning'>();
  for (const p of analysis?.problems ?? [])
    if (p.nodeId && problems.get(p.nodeId) !== 'error') problems.set(p.nodeId, p.severity);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${esc(input.name)}</title>`,
    `<rect width="${width}" height="${height}" fill="${theme.background}"/>`,
    text(MARGIN, MARGIN + 22, input.name, { size: 22, fill: theme.text, weight: 700 }),
    text(MARGIN, MARGIN + 44, totals, { size: 12, fill: theme.text2 }),
    `<g transform="translate(${dx} ${dy})">`,
    `<g fill="none" stroke="${theme.borderStrong}" stroke-width="1.5">`,
  ];
  for (const e of view.edges)
    out.push(
      `<path d="${roundedPath(e.route.points)}"${e.merge ? ` stroke="${theme.merge}"` : ''}/>`,
    );
  out.push('</g>');
  for (const e of view.edges) {
    const at = e.route.label;
    if (!e.label || !at) continue;
    const w = labelWidth(e.label);
    out.push(
      `<rect x="${at.x - w / 2}" y="${at.y - LABEL_HEIGHT / 2}" width="${w}" height="${LABEL_HEIGHT}" rx="3" fill="${theme.background}"/>`,
      text(at.x, at.y + 3.5, e.label, {
        size: 10,
        fill: e.merge ? theme.merge : theme.text2,
        weight: e.merge ? 600 : undefined,
        mono: true,
        anchor: 'middle',
      }),
    );
  }
  for (const item of view.items) {
    // Each card says where it landed in the image's pixels (checked by the export tests).
    const { x, y, w, h } = item.box;
    out.push(
      `<g data-box="${x + dx} ${y + dy} ${w} ${h}">`,
      item.kind === 'layer'
        ? layerCard(item, analysis?.nodes[item.id], problems.get(item.id) ?? null, input)
        : stageCard(item, input),
      '</g>',
    );
  }
  out.push('</g></svg>');
  return {
    svg: out.join('\n'),
    width,
    height,
    cards: boxes.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy })),
  };
}
