/**
 * Residual block (He et al. 2015) in torchvision's layout, as DESIGN.md defines it: bias-free convs
 * each followed by BatchNorm, stride on the first 3×3 (basic) or on the middle 3×3 (bottleneck),
 * identity shortcut when shapes match, else 1×1 conv (stride s) → BN; then Add → ReLU.
 */
import type { Shape } from '../types.ts';
import { compositeRules, EXPANSION_INPUT } from './composite.ts';
import { fmtInt } from './format.ts';
import { defineLayer, type Expansion } from './layerDef.ts';
import { MAX_DIM, param } from './params.ts';

type Variant = 'basic' | 'bottleneck';

interface ResidualParams {
  variant: Variant;
  filters: number;
  strides: number;
}

const ROW = 90;

/** Output channels: `filters` (basic) or `4·filters` (bottleneck). */
function residualOutChannels(p: { variant: Variant; filters: number }): number {
  return p.variant === 'bottleneck' ? 4 * p.filters : p.filters;
}

/**
 * True when the block's shortcut is a projection (1×1 conv + BN) rather than identity: DESIGN.md
 * uses identity exactly when the output shape equals the input shape (a stride on a 1-pixel axis
 * changes nothing, so it keeps the identity).
 */
function needsProjection(p: ResidualParams, input: Shape | null): boolean {
  // Unknown input: a stride changes the size; otherwise assume a match (the case inside a stage).
  if (input === null) return p.strides !== 1;
  const [h, w, c] = input as [number, number, number];
  return (
    Math.ceil(h / p.strides) !== h || Math.ceil(w / p.strides) !== w || c !== residualOutChannels(p)
  );
}

/** Ids: `${id}/conv1`, `/bn1`, `/relu1`, …, `/shortcut/conv`, `/shortcut/bn`, `/add`, `/relu`. */
function expandResidual(p: ResidualParams, id: string, input: Shape | null): Expansion {
  const nodes: Expansion['nodes'] = [];
  const edges: Expansion['edges'] = [];
  let prev = EXPANSION_INPUT;
  let row = 0;
  const push = (
    name: string,
    type: 'Conv2D' | 'BatchNorm' | 'Activation',
    params: Record<string, unknown>,
  ) => {
    const nid = `${id}/${name}`;
    nodes.push({ id: nid, type, params, dx: 0, dy: row++ * ROW });
    edges.push({ source: prev, target: nid });
    prev = nid;
  };
  const convs: [number, number, number][] =
    p.variant === 'basic'
      ? [
          [p.filters, 3, p.strides],
          [p.filters, 3, 1],
        ]
      : [
          [p.filters, 1, 1],
          [p.filters, 3, p.strides],
          [4 * p.filters, 1, 1],
        ];
  convs.forEach(([filters, k, s], i) => {
    const n = i + 1;
    push(`conv${n}`, 'Conv2D', {
      filters,
      kernelSize: k,
      strides: s,
      padding: k === 3 ? 1 : 0,
      useBias: false,
    });
    push(`bn${n}`, 'BatchNorm', {});
    if (n < convs.length) push(`relu${n}`, 'Activation', { fn: 'relu' });
  });
  const main = prev;
  let shortcut = EXPANSION_INPUT;
  if (needsProjection(p, input)) {
    const conv = `${id}/shortcut/conv`;
    const bn = `${id}/shortcut/bn`;
    nodes.push(
      {
        id: conv,
        type: 'Conv2D',
        params: {
          filters: residualOutChannels(p),
          kernelSize: 1,
          strides: p.strides,
          padding: 0,
          useBias: false,
        },
        dx: 250,
        dy: 0,
      },
      { id: bn, type: 'BatchNorm', params: {}, dx: 250, dy: ROW },
    );
    edges.push({ source: EXPANSION_INPUT, target: conv }, { source: conv, target: bn });
    shortcut = bn;
  }
  const add = `${id}/add`;
  const relu = `${id}/relu`;
  nodes.push(
    { id: add, type: 'Add', params: {}, dx: 0, dy: row * ROW },
    { id: relu, type: 'Activation', params: { fn: 'relu' }, dx: 0, dy: (row + 1) * ROW },
  );
  // Main path first, shortcut second: Add's input order is its incoming edge order.
  edges.push(
    { source: main, target: add },
    { source: shortcut, target: add },
    { source: add, target: relu },
  );
  return { nodes, edges, exit: relu };
}

const rules = compositeRules(expandResidual);

export const residualBlock = defineLayer<ResidualParams>({
  type: 'ResidualBlock',
  group: 'Blocks',
  description: 'ResNet block: two or three convolutions plus a shortcut that adds the input back.',
  params: [
    param({
      name: 'variant',
      kind: 'enum',
      label: 'Variant',
      description:
        "'basic' = two 3×3 convs (ResNet-18/34); 'bottleneck' = 1×1 → 3×3 → 1×1 with 4× channels out (ResNet-50+).",
      default: 'basic',
      options: ['basic', 'bottleneck'],
    }),
    param({
      name: 'filters',
      kind: 'int',
      label: 'Filters',
      description: 'Width of the 3×3 convolution (output is 4× this for bottleneck).',
      min: 1,
      max: MAX_DIM,
    }),
    param({
      name: 'strides',
      kind: 'int',
      label: 'Stride',
      description: '2 halves height and width (first block of a stage).',
      default: 1,
      min: 1,
      max: MAX_DIM,
    }),
  ],
  initialParams: { variant: 'basic', filters: 64 },
  ...rules.layer,
  read: (v) => ({
    variant: v.variant as Variant,
    filters: v.filters as number,
    strides: v.strides as number,
  }),
  summary: (p) =>
    [
      p.variant,
      p.variant === 'bottleneck' ? `${p.filters}→${4 * p.filters}` : String(p.filters),
      ...(p.strides !== 1 ? [`s${p.strides}`] : []),
    ].join(' · '),
  shortcut: (p, [input]) => (needsProjection(p, input ?? null) ? 'projection' : 'identity'),
  formulas(p, [input], out, counts) {
    const [h, w, cin] = input as [number, number, number];
    const lines = [
      p.strides === 1
        ? `out H, W = ${h}×${w} (stride 1)`
        : `out H = ⌈${h}/${p.strides}⌉ = ${out[0]}, out W = ⌈${w}/${p.strides}⌉ = ${out[1]}`,
    ];
    lines.push(
      needsProjection(p, input!)
        ? `shortcut = 1×1 conv ${cin}→${out[2]} stride ${p.strides} + BatchNorm (shapes differ)`
        : 'shortcut = identity (shapes match)',
    );
    lines.push(
      `params = ${fmtInt(counts.trainable)} (+ ${fmtInt(counts.nonTrainable)} BatchNorm running stats)`,
      `MACs = ${fmtInt(counts.macs)}`,
      `expands to ${rules.makeup(p)}`,
    );
    return lines;
  },
  expand: expandResidual,
});
