/**
 * The sliding-window rules shared by Conv2D and the pooling layers: DESIGN.md's padding rule, the
 * student-facing errors when a window does not fit, the inspector formula and the receptive field.
 */
import type { Problem, ReceptiveField, Shape } from '../types.ts';
import { fmtInt } from './format.ts';
import { nodeError, type ShapeResult } from './layerDef.ts';
import { pair, type NodeRef } from './params.ts';

export type Padding = 'valid' | 'same' | [number, number];

export interface SlidingWindow {
  kernel: [number, number];
  strides: [number, number];
  dilation: [number, number];
  padding: Padding;
}

/** Normalises a checked padding value: `'same'`, `'valid'` or a symmetric `[ph, pw]`. */
export function readPadding(v: unknown): Padding {
  return v === 'same' || v === 'valid' ? v : pair(v);
}

/** Output size along one axis (may be < 1, which callers report). */
export function axisOut(size: number, k: number, s: number, d: number, pad: Padding, axis: 0 | 1) {
  if (pad === 'same') return Math.ceil(size / s);
  const p = pad === 'valid' ? 0 : pad[axis];
  return Math.floor((size + 2 * p - d * (k - 1) - 1) / s) + 1;
}

const padText = (pad: Padding): string =>
  typeof pad === 'string'
    ? `'${pad}'`
    : pad[0] === pad[1]
      ? String(pad[0])
      : `[${pad[0]}, ${pad[1]}]`;

const pairText = ([a, b]: [number, number]): string => (a === b ? String(a) : `${a}×${b}`);

/**
 * The `needs-spatial-input` problem of a layer fed a flat vector (after Flatten, global pooling or
 * Dense), or null for an `[H, W, C]` input. `advice` ends the message: what the student can do.
 */
export function flatInputProblem(
  input: Shape,
  who: NodeRef,
  advice: string,
): { problems: Problem[] } | null {
  if (input.length === 3) return null;
  return {
    problems: [
      nodeError(
        who,
        'needs-spatial-input',
        `needs an H×W×C input but gets a flat vector of ${fmtInt(input[0] ?? 0)} — ${advice}`,
      ),
    ],
  };
}

/**
 * Shape of a windowed op on an `[H, W, C]` input, or the problems explaining why it has none.
 * `what` names the window in messages ("kernel", "pool size").
 */
export function windowShape(
  w: SlidingWindow,
  input: Shape,
  outChannels: number,
  who: NodeRef,
  what: 'kernel' | 'pool size',
): ShapeResult {
  const flat = flatInputProblem(
    input,
    who,
    'move it before the Flatten/global pooling, or remove them',
  );
  if (flat) return flat;
  const [h, wd] = input as [number, number, number];
  const oh = axisOut(h, w.kernel[0], w.strides[0], w.dilation[0], w.padding, 0);
  const ow = axisOut(wd, w.kernel[1], w.strides[1], w.dilation[1], w.padding, 1);
  if (oh >= 1 && ow >= 1) return { shape: [oh, ow, outChannels] };

  const param = what === 'kernel' ? 'kernelSize' : 'poolSize';
  const fix = {
    kind: 'set-param' as const,
    label: `Set padding to 'same'`,
    nodeId: who.id,
    param: 'padding',
    value: 'same',
  };
  const smaller = what === 'kernel' ? 'a smaller kernel' : 'a smaller pool size';
  // 'same' never shrinks below 1, so here the padding is 'valid' or explicit.
  const pad = w.padding;
  const [ph, pw] = typeof pad === 'string' ? [0, 0] : pad;
  const padded = [h + 2 * ph, wd + 2 * pw];
  const inText =
    pad === 'valid'
      ? `its ${h}×${wd} input with padding 'valid'`
      : `its ${h}×${wd} input padded by ${padText(pad)}`;
  if (w.kernel[0] > padded[0]! || w.kernel[1] > padded[1]!) {
    return {
      problems: [
        nodeError(
          who,
          'kernel-larger-than-input',
          `${what} ${pairText(w.kernel)} is larger than ${inText} — use padding 'same' or ${smaller}`,
          { param, fixes: [fix] },
        ),
      ],
    };
  }
  const span: [number, number] = [
    w.dilation[0] * (w.kernel[0] - 1) + 1,
    w.dilation[1] * (w.kernel[1] - 1) + 1,
  ];
  return {
    problems: [
      nodeError(
        who,
        'size-below-one',
        `the dilated ${what} spans ${pairText(span)} (${pairText(w.kernel)} with dilation ${pairText(w.dilation)}), more than ${inText}, so the output would be empty — use padding 'same', a smaller dilation or ${smaller}`,
        { param: 'dilation', fixes: [fix] },
      ),
    ],
  };
}

function axisFormula(size: number, k: number, s: number, d: number, pad: Padding, axis: 0 | 1) {
  const out = axisOut(size, k, s, d, pad, axis);
  if (pad === 'same') return `⌈${size}/${s}⌉ = ${out}`;
  const p = pad === 'valid' ? 0 : pad[axis];
  const padPart = p > 0 ? ` + 2·${p}` : '';
  const kPart = d === 1 ? ` − ${k}` : ` − ${d}·(${k} − 1) − 1`;
  return `⌊(${size}${padPart}${kPart})/${s}⌋ + 1 = ${out}`;
}

/** Inspector lines for the output size, e.g. "out H = ⌊(56 + 2·1 − 3)/1⌋ + 1 = 56". */
export function windowFormulas(w: SlidingWindow, input: Shape): string[] {
  const [h, wd] = input as [number, number];
  const fh = axisFormula(h, w.kernel[0], w.strides[0], w.dilation[0], w.padding, 0);
  const fw = axisFormula(wd, w.kernel[1], w.strides[1], w.dilation[1], w.padding, 1);
  if (fh === fw) return [`out H = out W = ${fh}`];
  return [`out H = ${fh}`, `out W = ${fw}`];
}

/** Receptive field after a window: size grows by the dilated kernel span times the input jump. */
export function windowRf(w: SlidingWindow, rf: ReceptiveField): ReceptiveField {
  return {
    size: [
      rf.size[0] + w.dilation[0] * (w.kernel[0] - 1) * rf.jump[0],
      rf.size[1] + w.dilation[1] * (w.kernel[1] - 1) * rf.jump[1],
    ],
    jump: [rf.jump[0] * w.strides[0], rf.jump[1] * w.strides[1]],
  };
}

/** Receptive field after a global op over an `[H, W, C]` input: the whole map. */
export function globalRf(input: Shape, rf: ReceptiveField): ReceptiveField {
  if (input.length !== 3) return rf;
  const size: [number, number] = [
    rf.size[0] + (input[0]! - 1) * rf.jump[0],
    rf.size[1] + (input[1]! - 1) * rf.jump[1],
  ];
  return { size, jump: [rf.jump[0] * input[0]!, rf.jump[1] * input[1]!] };
}

/** Card text for a window: "3×3 · s2 · same" (stride and padding omitted when default). */
export function windowSummary(w: SlidingWindow, defaultStride: [number, number]): string[] {
  const parts = [`${w.kernel[0]}×${w.kernel[1]}`];
  if (w.strides[0] !== defaultStride[0] || w.strides[1] !== defaultStride[1])
    parts.push(`s${pairText(w.strides)}`);
  if (w.dilation[0] !== 1 || w.dilation[1] !== 1) parts.push(`d${pairText(w.dilation)}`);
  if (w.padding !== 'valid')
    parts.push(typeof w.padding === 'string' ? w.padding : `p${padText(w.padding)}`);
  return parts;
}
