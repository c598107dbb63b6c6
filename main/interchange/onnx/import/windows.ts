/**
 * Which design padding reproduces an ONNX sliding window exactly, at the model's fixed input
 * size. Along one axis, a window op is fully described by where its first window starts (minus the
 * leading padding) and how many windows there are: zero-padded convolutions and −∞-padded max
 * pools see the same values whatever lies beyond, so two layouts with equal (start, count) give
 * equal outputs. Average pooling also needs the same divisor, checked separately.
 */
import type { Padding } from '../../../network/catalog/spatial.ts';

/** One axis of an ONNX window op. */
export interface AxisWindow {
  size: number;
  kernel: number;
  stride: number;
  dilation: number;
  padBegin: number;
  padEnd: number;
  ceil: boolean;
}

interface Layout {
  start: number;
  count: number;
}

const span = (a: AxisWindow) => a.dilation * (a.kernel - 1) + 1;

/** ONNX/PyTorch output layout; in ceil mode a window starting in the end padding is dropped. */
export function onnxLayout(a: AxisWindow): Layout {
  const room = a.size + a.padBegin + a.padEnd - span(a);
  let count = (a.ceil ? Math.ceil(room / a.stride) : Math.floor(room / a.stride)) + 1;
  if (a.ceil && (count - 1) * a.stride >= a.size + a.padBegin) count--;
  return { start: -a.padBegin, count };
}

/** The padding TensorFlow's 'same' adds before the data on this axis. */
export function sameBegin(a: Pick<AxisWindow, 'size' | 'kernel' | 'stride' | 'dilation'>): number {
  const out = Math.ceil(a.size / a.stride);
  const total = Math.max((out - 1) * a.stride + a.dilation * (a.kernel - 1) + 1 - a.size, 0);
  return Math.floor(total / 2);
}

function sameLayout(a: AxisWindow): Layout {
  return { start: -sameBegin(a), count: Math.ceil(a.size / a.stride) };
}

function symmetricLayout(a: AxisWindow, p: number): Layout {
  return { start: -p, count: Math.floor((a.size + 2 * p - span(a)) / a.stride) + 1 };
}

const equal = (x: Layout, y: Layout) => x.start === y.start && x.count === y.count;

/** Whether the last window reaches past the declared padding (ceil mode), per axis. */
export function overhangs(a: AxisWindow): boolean {
  const { count } = onnxLayout(a);
  return (count - 1) * a.stride + span(a) > a.size + a.padBegin + a.padEnd;
}

/** How the design pads: `kind` says which semantics the match relies on. */
export type PaddingMatch =
  { kind: 'explicit'; padding: Padding } | { kind: 'same'; padding: 'same' } | null;

/**
 * The design padding whose windows equal the ONNX op's on both axes: symmetric explicit
 * padding (`'valid'` when 0) first, as PyTorch writes it, then TensorFlow's `'same'`; null when
 * neither reproduces it.
 */
export function matchPadding(h: AxisWindow, w: AxisWindow): PaddingMatch {
  const onnx = [onnxLayout(h), onnxLayout(w)] as const;
  const ph = h.padBegin;
  const pw = w.padBegin;
  if (equal(onnx[0], symmetricLayout(h, ph)) && equal(onnx[1], symmetricLayout(w, pw))) {
    if (ph === 0 && pw === 0) return { kind: 'explicit', padding: 'valid' };
    return { kind: 'explicit', padding: [ph, pw] };
  }
  if (equal(onnx[0], sameLayout(h)) && equal(onnx[1], sameLayout(w)))
    return { kind: 'same', padding: 'same' };
  return null;
}

/** Whether 'same' adds no padding at all on this axis (then any divisor rule agrees). */
export function samePadsNothing(a: AxisWindow): boolean {
  const out = Math.ceil(a.size / a.stride);
  return (out - 1) * a.stride + span(a) - a.size <= 0;
}

/** `[ph, pw]` as the design writes it: `p` when both are equal. */
export function compactPadding(padding: Padding): Padding | number {
  if (typeof padding === 'string') return padding;
  return padding[0] === padding[1] ? padding[0] : padding;
}
