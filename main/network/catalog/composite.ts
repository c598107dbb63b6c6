/**
 * Evaluating a composite node = evaluating its expansion into primitives, so a composite's shape,
 * counts and receptive field are by construction the sum over what the trainer will build.
 */
import type { ReceptiveField, Shape } from '../types.ts';
import { numel } from './format.ts';
import type { Counts, Expansion, ShapeResult } from './layerDef.ts';
import type { NodeRef } from './params.ts';
import { getPrimitiveDef } from './primitives.ts';
import { flatInputProblem } from './spatial.ts';

/** Source id that stands for the composite's own input in `Expansion.edges`. */
export const EXPANSION_INPUT = '@input';

const PIXEL: ReceptiveField = { size: [1, 1], jump: [1, 1] };

export interface ExpansionResult {
  shape: Shape;
  counts: Counts;
  rf: ReceptiveField;
  /**
   * float32 bytes, per example, of the outputs of every primitive in the expansion: what a
   * backward pass through the block keeps (the block's own output is only the last of them).
   */
  keptBytes: number;
  /** "4 Conv2D, 4 BatchNorm, 3 Activation, 1 Add" — what the block is made of. */
  makeup: string;
}

/** Element-wise max of several receptive fields (the widest view wins at a merge). */
export function maxRf(rfs: readonly ReceptiveField[]): ReceptiveField {
  let size: [number, number] = [0, 0];
  let jump: [number, number] = [0, 0];
  for (const rf of rfs) {
    size = [Math.max(size[0], rf.size[0]), Math.max(size[1], rf.size[1])];
    jump = [Math.max(jump[0], rf.jump[0]), Math.max(jump[1], rf.jump[1])];
  }
  return { size, jump };
}

/** Runs the primitive rules over an expansion fed by `input`. */
function evaluateExpansion(
  exp: Expansion,
  input: Shape,
  rf: ReceptiveField,
  who: NodeRef,
): { result: ExpansionResult } | ShapeResult {
  const shapes = new Map<string, Shape>([[EXPANSION_INPUT, input]]);
  const rfs = new Map<string, ReceptiveField>([[EXPANSION_INPUT, rf]]);
  const counts: Counts = { trainable: 0, nonTrainable: 0, macs: 0 };
  let kept = 0;
  for (const node of exp.nodes) {
    const def = getPrimitiveDef(node.type);
    const sources = exp.edges.filter((e) => e.target === node.id).map((e) => e.source);
    const inShapes = sources.map((s) => shapes.get(s)!);
    const inRf =
      sources.length === 1 ? rfs.get(sources[0]!)! : maxRf(sources.map((s) => rfs.get(s)!));
    const values = def.resolve(node.params);
    const ev = def.evaluate(values, inShapes, inRf, { id: who.id, name: who.name });
    // Composites check their own preconditions first, so a failure here is reported on the composite.
    if (!ev.ok) return { problems: ev.problems };
    shapes.set(node.id, ev.shape);
    rfs.set(node.id, ev.rf);
    counts.trainable += ev.counts.trainable;
    counts.nonTrainable += ev.counts.nonTrainable;
    counts.macs += ev.counts.macs;
    kept += numel(ev.shape) * 4;
  }
  const byType = new Map<string, number>();
  for (const node of exp.nodes) byType.set(node.type, (byType.get(node.type) ?? 0) + 1);
  const makeup = [...byType].map(([type, n]) => `${n} ${type}`).join(', ');
  return {
    result: {
      shape: shapes.get(exp.exit)!,
      counts,
      rf: rfs.get(exp.exit)!,
      keptBytes: kept,
      makeup,
    },
  };
}

/** Bound on remembered (params, input shape) evaluations per composite type. */
const MAX_REMEMBERED = 512;

/**
 * Memoises expansion evaluations: per typed-params object (`defineLayer` reads params once per
 * node evaluation and passes the same object to shape, counts and receptiveField), and across
 * analyses by (params, input shape), since the UI re-analyses the whole network on every edit.
 */
function expansionCache<P extends object>(
  expand: (p: P, id: string, input: Shape | null) => Expansion,
) {
  const cache = new WeakMap<P, ExpansionResult>();
  const remembered = new Map<string, ExpansionResult>();
  return {
    shape(p: P, input: Shape, who: NodeRef): ShapeResult {
      const key = `${JSON.stringify(p)}|${input.join(',')}`;
      let result = remembered.get(key);
      if (!result) {
        const out = evaluateExpansion(expand(p, who.id, input), input, PIXEL, who);
        if (!('result' in out)) return out;
        result = out.result;
        if (remembered.size >= MAX_REMEMBERED) remembered.clear();
        remembered.set(key, result);
      }
      cache.set(p, result);
      return { shape: result.shape };
    },
    /** Only valid after `shape` succeeded for the same `p`. */
    get: (p: P): ExpansionResult => cache.get(p)!,
    /**
     * Receptive field composition is affine per axis (size' = size + a·jump, jump' = jump·J, and
     * max at merges), so evaluating once from a single pixel and composing is exact.
     */
    rf(p: P, rf: ReceptiveField): ReceptiveField {
      const local = cache.get(p)!.rf;
      return {
        size: [
          rf.size[0] + (local.size[0] - 1) * rf.jump[0],
          rf.size[1] + (local.size[1] - 1) * rf.jump[1],
        ],
        jump: [rf.jump[0] * local.jump[0], rf.jump[1] * local.jump[1]],
      };
    },
  };
}

/**
 * The shape, count and receptive-field rules of a composite layer: all three read the evaluation
 * of its expansion (cached), so a block's numbers are the sum over the primitives it expands to.
 * `layer` holds them as `defineLayer` fields, with the single input every expansion starts from.
 */
export function compositeRules<P extends object>(
  expand: (p: P, id: string, input: Shape | null) => Expansion,
) {
  const cache = expansionCache(expand);
  return {
    /** What the block is made of ("4 Conv2D, 4 BatchNorm, …"), after `shape` succeeded. */
    makeup: (p: P): string => cache.get(p).makeup,
    layer: {
      // An expansion has one entry point, EXPANSION_INPUT.
      minInputs: 1,
      maxInputs: 1,
      shape: (p: P, [input]: readonly Shape[], who: NodeRef): ShapeResult =>
        flatInputProblem(input!, who, 'move it before the Flatten/global pooling') ??
        cache.shape(p, input!, who),
      counts: (p: P): Counts => cache.get(p).counts,
      keptBytes: (p: P): number => cache.get(p).keptBytes,
      receptiveField: (p: P, _inputs: readonly Shape[], rf: ReceptiveField): ReceptiveField =>
        cache.rf(p, rf),
    },
  };
}
