/**
 * Inception module with dimension reductions (Szegedy et al. 2014), as DESIGN.md defines it:
 * four branches concatenated in the order 1×1 | 1×1→3×3 | 1×1→5×5 | 3×3 max pool→1×1. A
 * reduction (`b3r`, `b5r`) or `poolProj` of 0 turns that 1×1 off: the paper's naive module.
 */
import type { Shape } from '../types.ts';
import { compositeRules, EXPANSION_INPUT } from './composite.ts';
import { fmtInt } from './format.ts';
import { defineLayer, type Expansion } from './layerDef.ts';
import { MAX_DIM, param, type ParamValues } from './params.ts';

interface InceptionParams {
  b1: number;
  b3r: number;
  b3: number;
  b5r: number;
  b5: number;
  poolProj: number;
  batchNorm: boolean;
}

const branch = (name: string, label: string, description: string, min = 1) =>
  param({ name, kind: 'int', label, description, min, max: MAX_DIM });

/** `96→128`, or `128` alone when the reduction is off. */
const reduced = (r: number, n: number) => (r > 0 ? `${r}→${n}` : String(n));

const COL = 220;
const ROW = 90;

/** Primitive graph of an Inception node; ids are `${id}/b1`, `${id}/b3r`, … `${id}/concat`. */
function expandInception(p: InceptionParams, id: string): Expansion {
  const nodes: Expansion['nodes'] = [];
  const edges: Expansion['edges'] = [];
  const outs: string[] = [];
  let depth = 0;
  /** Adds conv (→ BN) → ReLU after `from`; returns the id whose output is the branch value. */
  const conv = (
    name: string,
    from: string,
    filters: number,
    k: number,
    col: number,
    row: number,
  ) => {
    const convId = `${id}/${name}`;
    const params: ParamValues = p.batchNorm
      ? { filters, kernelSize: k, padding: (k - 1) / 2, useBias: false }
      : { filters, kernelSize: k, padding: (k - 1) / 2, activation: 'relu' };
    nodes.push({ id: convId, type: 'Conv2D', params, dx: col * COL, dy: row * ROW });
    edges.push({ source: from, target: convId });
    if (!p.batchNorm) return { last: convId, row };
    nodes.push({
      id: `${convId}/bn`,
      type: 'BatchNorm',
      params: {},
      dx: col * COL,
      dy: (row + 1) * ROW,
    });
    nodes.push({
      id: `${convId}/relu`,
      type: 'Activation',
      params: { fn: 'relu' },
      dx: col * COL,
      dy: (row + 2) * ROW,
    });
    edges.push(
      { source: convId, target: `${convId}/bn` },
      { source: `${convId}/bn`, target: `${convId}/relu` },
    );
    return { last: `${convId}/relu`, row: row + 2 };
  };
  const step = p.batchNorm ? 3 : 1;
  let r = conv('b1', EXPANSION_INPUT, p.b1, 1, -1.5, 0);
  outs.push(r.last);
  depth = Math.max(depth, r.row);
  // Without its reduction (0), the 3×3 / 5×5 conv reads the block input: the naive module.
  const reduce = (name: string, filters: number, col: number) =>
    filters > 0 ? conv(name, EXPANSION_INPUT, filters, 1, col, 0).last : EXPANSION_INPUT;
  r = conv('b3', reduce('b3r', p.b3r, -0.5), p.b3, 3, -0.5, p.b3r > 0 ? step : 0);
  outs.push(r.last);
  depth = Math.max(depth, r.row);
  r = conv('b5', reduce('b5r', p.b5r, 0.5), p.b5, 5, 0.5, p.b5r > 0 ? step : 0);
  outs.push(r.last);
  depth = Math.max(depth, r.row);
  nodes.push({
    id: `${id}/pool`,
    type: 'MaxPool2D',
    params: { poolSize: 3, strides: 1, padding: 1 },
    dx: 1.5 * COL,
    dy: 0,
  });
  edges.push({ source: EXPANSION_INPUT, target: `${id}/pool` });
  // poolProj 0: the pooled input is concatenated as it is.
  r =
    p.poolProj > 0
      ? conv('poolProj', `${id}/pool`, p.poolProj, 1, 1.5, 1)
      : { last: `${id}/pool`, row: 0 };
  outs.push(r.last);
  depth = Math.max(depth, r.row);
  const concat = `${id}/concat`;
  nodes.push({ id: concat, type: 'Concat', params: {}, dx: 0, dy: (depth + 1) * ROW });
  for (const o of outs) edges.push({ source: o, target: concat });
  return { nodes, edges, exit: concat };
}

const rules = compositeRules(expandInception);

export const inception = defineLayer<InceptionParams>({
  type: 'Inception',
  group: 'Blocks',
  description:
    'GoogLeNet block: 1×1, 3×3, 5×5 convolutions and a pooled branch side by side, concatenated.',
  params: [
    branch('b1', '1×1 filters', '1×1 convolution branch.'),
    branch('b3r', '3×3 reduce', '1×1 convolution before the 3×3 (cuts its cost); 0 = none.', 0),
    branch('b3', '3×3 filters', '3×3 convolution branch (padding 1).'),
    branch('b5r', '5×5 reduce', '1×1 convolution before the 5×5; 0 = none.', 0),
    branch('b5', '5×5 filters', '5×5 convolution branch (padding 2).'),
    branch(
      'poolProj',
      'Pool proj',
      '1×1 convolution after the 3×3 max pool; 0 = none (the pooled input, all its channels).',
      0,
    ),
    param({
      name: 'batchNorm',
      kind: 'bool',
      label: 'BatchNorm',
      description: 'Bias-free convs each followed by BatchNorm (Inception v2 style).',
      default: false,
    }),
  ],
  initialParams: { b1: 64, b3r: 96, b3: 128, b5r: 16, b5: 32, poolProj: 32 },
  ...rules.layer,
  read: (v) => ({
    b1: v.b1 as number,
    b3r: v.b3r as number,
    b3: v.b3 as number,
    b5r: v.b5r as number,
    b5: v.b5 as number,
    poolProj: v.poolProj as number,
    batchNorm: v.batchNorm as boolean,
  }),
  summary: (p) =>
    `${p.b1} · ${reduced(p.b3r, p.b3)} · ${reduced(p.b5r, p.b5)} · ${p.poolProj || 'pool'}` +
    (p.b3r === 0 && p.b5r === 0 && p.poolProj === 0 ? ' · naive' : '') +
    (p.batchNorm ? ' · BN' : ''),
  formulas(p, [input], out, counts) {
    const cin = (input as Shape)[2]!;
    const bias = (n: number) => (p.batchNorm ? 0 : n);
    // A branch's big conv reads its reduction, or the block input when the reduction is off.
    const conv = (cout: number, k: number, from: number) => k * k * from * cout + bias(cout);
    const br = [
      conv(p.b1, 1, cin),
      (p.b3r > 0 ? conv(p.b3r, 1, cin) : 0) + conv(p.b3, 3, p.b3r || cin),
      (p.b5r > 0 ? conv(p.b5r, 1, cin) : 0) + conv(p.b5, 5, p.b5r || cin),
      p.poolProj > 0 ? conv(p.poolProj, 1, cin) : 0,
    ];
    const lines = [
      `out C = ${p.b1} + ${p.b3} + ${p.b5} + ${p.poolProj || `${cin} (pooled input)`} = ${out[2]}`,
      `conv params per branch = ${br.map(fmtInt).join(' + ')}`,
    ];
    if (p.batchNorm)
      lines.push(
        `BatchNorm params = 2·(${[p.b1, p.b3r, p.b3, p.b5r, p.b5, p.poolProj].filter((n) => n > 0).join(' + ')}) = ${fmtInt(counts.nonTrainable)} (+ as many non-trainable)`,
      );
    lines.push(
      `params = ${fmtInt(counts.trainable)}`,
      `MACs = ${fmtInt(counts.macs)}`,
      `expands to ${rules.makeup(p)}`,
    );
    return lines;
  },
  expand: (p, id) => expandInception(p, id),
});
