/**
 * Concat inputs of unequal height × width, and the one-click repair students most often need: a
 * branch that shrinks the map only because of its stride or padding (a pool left at its default
 * stride, a 'valid' 3×3 conv) can keep the size the other branches have.
 */
import type { Problem, QuickFix, Shape } from '../types.ts';
import { nodeError } from './layerDef.ts';
import { pair, type InputSource, type NodeRef } from './params.ts';
import { axisOut, readPadding } from './spatial.ts';

/** Layers whose output size is set by a sliding window's stride and padding. */
const WINDOWED = new Set(['Conv2D', 'MaxPool2D', 'AvgPool2D']);

/** Spatial key of an input: "28×28", or "a flat vector" after Flatten/GAP/Dense. */
const sizeOf = (s: Shape): string => (s.length === 3 ? `${s[0]}×${s[1]}` : 'a flat vector');

/** Param changes tried in order: the smallest edit that makes the branch match wins. */
const CANDIDATES: Record<string, unknown>[] = [
  { strides: 1 },
  { padding: 'same' },
  { strides: 1, padding: 'same' },
];

interface KeepSize {
  source: InputSource;
  params: Record<string, unknown>;
}

/** The stride/padding change that makes `source` output `target` (an `[H, W, C]` shape), if any. */
function keepSizeChange(source: InputSource | undefined, target: Shape): KeepSize | null {
  if (!source || !WINDOWED.has(source.type) || target.length !== 3) return null;
  const input = source.input;
  if (!input || input.length !== 3) return null;
  const p = source.params;
  const kernel = pair(source.type === 'Conv2D' ? p.kernelSize : p.poolSize);
  const dilation = pair(p.dilation ?? 1);
  const strides = pair(p.strides);
  const padding = readPadding(p.padding);
  for (const change of CANDIDATES) {
    const s = change.strides === 1 ? [1, 1] : strides;
    const pad = change.padding === 'same' ? 'same' : padding;
    const unchanged =
      (change.strides === undefined || (strides[0] === 1 && strides[1] === 1)) &&
      (change.padding === undefined || padding === 'same');
    if (unchanged) continue;
    const h = axisOut(input[0]!, kernel[0], s[0]!, dilation[0], pad, 0);
    const w = axisOut(input[1]!, kernel[1], s[1]!, dilation[1], pad, 1);
    if (h === target[0] && w === target[1]) return { source, params: change };
  }
  return null;
}

const changeText = (params: Record<string, unknown>): string =>
  Object.entries(params)
    .map(([k, v]) => `${k} to ${typeof v === 'string' ? `'${v}'` : String(v)}`)
    .join(' and ');

function fixOf({ source, params }: KeepSize, target: Shape): QuickFix {
  const label = `Set ${changeText(params)} on '${source.id}' (keeps ${sizeOf(target)})`;
  const entries = Object.entries(params);
  if (entries.length === 1) {
    const [param, value] = entries[0]!;
    return { kind: 'set-param', label, nodeId: source.id, param, value };
  }
  return { kind: 'set-params', label, nodeId: source.id, params };
}

/**
 * The `concat-spatial-mismatch` problems of a Concat (none when every input has the same H×W):
 * one per input whose size differs from the reference, with a fix when a stride/padding change
 * of the layer feeding it restores the size. The reference is the size most inputs share (first
 * wins a tie), unless another size is the only one every other input can be fixed to.
 */
export function concatMismatchProblems(inputs: readonly Shape[], who: NodeRef): Problem[] {
  const sizes = inputs.map(sizeOf);
  const distinct = [...new Set(sizes)];
  if (distinct.length <= 1) return [];
  const count = (k: string) => sizes.filter((s) => s === k).length;
  // Stable sort keeps first-appearance order among equally common sizes.
  const byCount = [...distinct].sort((a, b) => count(b) - count(a));
  const fixesFor = (k: string) =>
    sizes.map((s, i) =>
      s === k ? null : keepSizeChange(who.inputSource?.(i), inputs[sizes.indexOf(k)]!),
    );
  const ref =
    byCount.find((k) => fixesFor(k).every((f, i) => f !== null || sizes[i] === k)) ?? byCount[0]!;
  const refIndex = sizes.indexOf(ref);
  const target = inputs[refIndex]!;
  const fixes = fixesFor(ref);
  const problems: Problem[] = [];
  sizes.forEach((s, i) => {
    if (s === ref) return;
    const change = fixes[i];
    const head = `input ${i + 1} is ${s} but input ${refIndex + 1} is ${ref}`;
    const advice = change
      ? `${change.source.name} changes the size; set its ${changeText(change.params)} so it keeps ${ref}`
      : 'Concat needs equal height and width; adjust the strides or padding of one branch';
    problems.push(
      nodeError(
        who,
        'concat-spatial-mismatch',
        `${head} — ${advice}`,
        change ? { fixes: [fixOf(change, target)] } : {},
      ),
    );
  });
  return problems;
}
