/**
 * Does the chosen data fit the design? Compares the data's image shape and class count with the
 * network's Input node and classifier, and explains each difference with its fix.
 */
import { pickOutput, sinkNodes } from '../../main/network/outputs.ts';
import { adaptRequestFor, resizesToNetwork } from '../../main/training/dataFit.ts';
import type { NetworkAnalysis, NetworkDoc } from '../../main/network/types.ts';
import type { DataDescription } from '../../main/training/types.ts';
import { formatShape } from '../graph/format.ts';

export interface DesignFacts {
  /** The Input node's `[H, W, C]`, when there is exactly one well-formed Input. */
  inputShape: [number, number, number] | null;
  /** Units of the single output, when it is a vector. */
  classes: number | null;
  /** The design's errors as sentences (training needs none). */
  errors: string[];
}

function isShape3(value: unknown): value is [number, number, number] {
  return (
    Array.isArray(value) && value.length === 3 && value.every((n) => Number.isInteger(n) && n > 0)
  );
}

/** The parts of a design that decide whether data fits it (not positions, labels or params). */
export interface DesignOutline {
  /** The `shape` param of every Input node. */
  inputShapes: unknown[];
  /** Ids of the nodes nothing reads from (Input excepted): the output candidates. */
  outputIds: string[];
}

/** Extracts the outline; equal outlines serialise equally, so it can be compared as a string. */
export function designOutline(doc: NetworkDoc): DesignOutline {
  return {
    inputShapes: doc.nodes.filter((n) => n.type === 'Input').map((n) => n.params.shape),
    outputIds: sinkNodes(doc).map((n) => n.id),
  };
}

/** Reads what the trainer needs to know from a design's outline and its analysis. */
export function designFacts(outline: DesignOutline, analysis: NetworkAnalysis | null): DesignFacts {
  const shape = outline.inputShapes.length === 1 ? outline.inputShapes[0] : undefined;
  const inputShape = isShape3(shape) ? shape : null;
  let classes: number | null = null;
  if (analysis) {
    // The engine's rule for which node is the output (main/network/outputs.ts).
    const shapeOf = (id: string) => analysis.nodes[id]?.outputShape;
    const output = pickOutput(
      outline.outputIds.map((id) => ({ id })),
      shapeOf,
    );
    const out = output.kind === 'one' ? shapeOf(output.node.id) : null;
    if (out && out.length === 1) classes = out[0]!;
  }
  const errors = analysis
    ? analysis.problems.filter((p) => p.severity === 'error').map((p) => p.message)
    : [];
  return { inputShape, classes, errors };
}

export interface Mismatch {
  kind: 'size' | 'channels' | 'classes';
  /** What differs, in a sentence. */
  message: string;
  /** False when the loader converts the data itself (it is only a note then). */
  blocking: boolean;
}

/**
 * Lists the differences between data and design. Synthetic data and image folders are drawn or
 * resized at the network's input size, so only a class-count difference blocks them (as the
 * trainer's own check does).
 */
export function findMismatches(data: DataDescription, design: DesignFacts): Mismatch[] {
  const out: Mismatch[] = [];
  const converts = resizesToNetwork(data.format);
  const net = design.inputShape;
  // Synthetic data has no size of its own: it is drawn at whatever the network takes.
  if (net && data.format !== 'synthetic') {
    const [dh, dw, dc] = data.inputShape;
    const [nh, nw, nc] = net;
    if (dh !== nh || dw !== nw) {
      out.push({
        kind: 'size',
        blocking: !converts,
        message: converts
          ? `Images will be resized to the network's ${nh}×${nw} input (the first ones are ${dh}×${dw}).`
          : `The images are ${dh}×${dw} but the network's Input is ${nh}×${nw}.`,
      });
    }
    if (dc !== nc) {
      out.push({
        kind: 'channels',
        blocking: !converts,
        message: converts
          ? `Images will be converted to ${nc} channel${nc === 1 ? '' : 's'} (the data has ${dc}).`
          : `The images have ${dc} channel${dc === 1 ? '' : 's'} (${dc === 1 ? 'grayscale' : 'colour'}) but the network's Input expects ${nc}.`,
      });
    }
  }
  if (design.classes !== null && design.classes !== data.classes.length) {
    out.push({
      kind: 'classes',
      blocking: true,
      message: `The data has ${data.classes.length} classes but the network's output has ${design.classes} unit${design.classes === 1 ? '' : 's'}.`,
    });
  }
  return out;
}

/** One line saying what "Adapt network to data" will do (the request is the engine's own). */
export function adaptSummary(data: DataDescription, mismatches: readonly Mismatch[]): string {
  if (mismatches.length === 0) return '';
  const req = adaptRequestFor(data);
  const parts: string[] = [];
  if (req.input) parts.push(`set the Input to ${formatShape(req.input)}`);
  parts.push(`give the classifier ${data.classes.length} outputs`);
  const more = req.input
    ? ', shrink a large first convolution for small images and pad layers that would vanish'
    : '';
  return `Adapt will ${parts.join(' and ')}${more}, and list every change.`;
}
