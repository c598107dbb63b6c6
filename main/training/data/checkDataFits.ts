/** Explaining, with the fix, why a dataset and a network do not fit together. */
import type { NetworkDoc, NetworkNode } from '../../network/types.ts';
import type { DataDescription } from '../types.ts';

/** Layers that keep the width of their input, so the classifier may sit behind them. */
const PASS_THROUGH = new Set(['Activation', 'Dropout', 'BatchNorm']);

function inputShape(doc: NetworkDoc): number[] | null {
  const input = doc.nodes.find((n) => n.type === 'Input');
  const shape = input?.params['shape'];
  return Array.isArray(shape) && shape.length === 3 && shape.every((v) => typeof v === 'number')
    ? (shape as number[])
    : null;
}

/** The Dense layer that produces the network's single output, looking back through activations/dropout. */
export function classifierNode(doc: NetworkDoc): NetworkNode | null {
  const hasOut = new Set(doc.edges.map((e) => e.source));
  const outputs = doc.nodes.filter((n) => !hasOut.has(n.id) && n.type !== 'Input');
  if (outputs.length !== 1) return null;
  let node: NetworkNode | undefined = outputs[0];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  // Each node's inputs, indexed once: the walk back stays linear on a 100k-layer chain.
  const incoming = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = incoming.get(e.target);
    if (list) list.push(e.source);
    else incoming.set(e.target, [e.source]);
  }
  // A loop of pass-through layers (a design error analysis reports) must not hang the walk.
  const seen = new Set<string>();
  while (node && PASS_THROUGH.has(node.type) && !seen.has(node.id)) {
    seen.add(node.id);
    const sources = incoming.get(node.id);
    node = sources?.length === 1 ? byId.get(sources[0]!) : undefined;
  }
  return node && node.type === 'Dense' ? node : null;
}

function nodeName(n: NetworkNode): string {
  return n.label ? `'${n.label}' (${n.id})` : `'${n.id}'`;
}

const ADAPT = "or use 'Adapt to data'";

/**
 * Every way the data does not fit the network, each as one sentence with the fix; empty when they fit.
 * Synthetic data and image folders are drawn/resized to the network's input, so only their class
 * count must match; idx and CIFAR data have a fixed size and channel count.
 */
export function checkDataFits(desc: DataDescription, doc: NetworkDoc): string[] {
  const problems: string[] = [];
  const shape = inputShape(doc);
  const [dh, dw, dc] = desc.inputShape;
  const dataShape = `[${dh},${dw},${dc}]`;
  if (!shape) {
    problems.push('the network has no Input node with a shape [H,W,C] — add an Input layer');
  } else if (desc.format === 'idx' || desc.format === 'cifar10') {
    const [h, w, c] = shape as [number, number, number];
    const plural = (k: number): string => `${k} channel${k === 1 ? '' : 's'}`;
    if (h !== dh || w !== dw) {
      const channels = c !== dc ? ` with ${plural(dc)}` : '';
      const expects = c !== dc ? `${h}×${w}×${c}` : `${h}×${w}`;
      problems.push(
        `the data's images are ${dh}×${dw}${channels} but the network's Input expects ${expects} — set Input shape to ${dataShape} ${ADAPT}`,
      );
    } else if (c !== dc) {
      problems.push(
        `the data has ${plural(dc)} but the network's Input expects ${c} — set Input shape to ${dataShape} ${ADAPT}`,
      );
    }
  }
  const classifier = classifierNode(doc);
  const classes = desc.classes.length;
  if (!classifier) {
    problems.push(
      `the network must end in a Dense layer with one unit per class (${classes}) — add Dense(${classes}) with softmax at the end`,
    );
  } else {
    const units = classifier.params['units'];
    if (typeof units === 'number' && units !== classes) {
      problems.push(
        `the data has ${classes} classes but the last Dense layer ${nodeName(classifier)} has ${units} units — set its units to ${classes} ${ADAPT}`,
      );
    }
  }
  return problems;
}
