/**
 * Add and Concat: the merge points of branches. Input order = order of incoming edges; analysis
 * merges the inputs' receptive fields (widest view) before these rules run.
 */
import type { Problem, QuickFix, Shape } from '../types.ts';
import { concatMismatchProblems } from './concatFix.ts';
import { fmtShape } from './format.ts';
import { defineLayer, NO_COUNTS, nodeError, sameRf } from './layerDef.ts';
import type { NodeRef } from './params.ts';

const MANY = 64;

/**
 * The 1×1 projection that makes `from` match `to` (ResNet's shortcut), when a stride can do it:
 * a 1×1 valid conv with stride s gives ⌈H/s⌉.
 */
function projectionFor(from: Shape, to: Shape): { filters: number; strides: number } | null {
  if (from.length !== 3 || to.length !== 3) return null;
  const [h, w] = from as [number, number];
  const [th, tw, tc] = to as [number, number, number];
  for (let s = 1; s <= h; s++) {
    if (Math.ceil(h / s) === th && Math.ceil(w / s) === tw) return { filters: tc, strides: s };
    if (Math.ceil(h / s) < th) break;
  }
  return null;
}

function addProblems(
  inputs: readonly Shape[],
  who: NodeRef,
  sources: readonly string[],
): Problem[] {
  // Reference = the input a projection should match: the smallest map (a strided 1×1 conv can
  // only shrink), then the most channels (ResNet widens the shortcut, never narrows the main
  // path), then the first.
  let ref = 0;
  inputs.forEach((s, i) => {
    const r = inputs[ref]!;
    if (s.length !== 3 || r.length !== 3) return;
    const area = s[0]! * s[1]!;
    const refArea = r[0]! * r[1]!;
    if (area < refArea || (area === refArea && s[2]! > r[2]!)) ref = i;
  });
  const target = inputs[ref]!;
  const problems: Problem[] = [];
  inputs.forEach((s, i) => {
    if (i === ref || fmtShape(s) === fmtShape(target)) return;
    const proj = projectionFor(s, target);
    const source = sources[i];
    const fix: QuickFix | undefined =
      proj && source
        ? {
            kind: 'insert-projection',
            label: `Insert a 1×1 Conv2D (${proj.filters} filters, stride ${proj.strides}) on input ${i + 1}`,
            nodeId: who.id,
            inputNodeId: source,
            ...proj,
          }
        : undefined;
    const how = proj
      ? ` — insert a 1×1 convolution with ${proj.filters} filters${proj.strides > 1 ? ` and stride ${proj.strides}` : ''} on input ${i + 1}`
      : ' — Add needs inputs of exactly equal shape';
    problems.push(
      nodeError(
        who,
        'add-shape-mismatch',
        `input ${i + 1} is ${fmtShape(s)} but input ${ref + 1} is ${fmtShape(target)}${how}`,
        fix ? { fixes: [fix] } : {},
      ),
    );
  });
  return problems;
}

export const add = defineLayer<null>({
  type: 'Add',
  group: 'Merge',
  description: 'Adds its inputs element by element (residual connections). Shapes must be equal.',
  params: [],
  initialParams: {},
  minInputs: 2,
  maxInputs: MANY,
  read: () => null,
  shape(_p, inputs, who) {
    const problems = addProblems(inputs, who, who.inputIds ?? []);
    return problems.length > 0 ? { problems } : { shape: inputs[0]! };
  },
  counts: () => NO_COUNTS,
  receptiveField: sameRf,
  summary: () => '',
  formulas: (_p, inputs) => [
    `out = ${inputs.map((_, i) => `in${i + 1}`).join(' + ')} (element-wise)`,
  ],
});

export const concat = defineLayer<null>({
  type: 'Concat',
  group: 'Merge',
  description:
    'Stacks its inputs along the channels (Inception). Heights and widths must be equal.',
  params: [],
  initialParams: {},
  minInputs: 2,
  maxInputs: MANY,
  read: () => null,
  shape(_p, inputs, who) {
    const problems = concatMismatchProblems(inputs, who);
    if (problems.length > 0) return { problems };
    const first = inputs[0]!;
    const channels = inputs.reduce((sum, s) => sum + s[s.length - 1]!, 0);
    return { shape: first.length === 3 ? [first[0]!, first[1]!, channels] : [channels] };
  },
  counts: () => NO_COUNTS,
  receptiveField: sameRf,
  summary: () => '',
  formulas: (_p, inputs, out) => [
    `channels = ${inputs.map((s) => s[s.length - 1]).join(' + ')} = ${out[out.length - 1]}`,
  ],
});
