/** Explaining, with the fix, why a dataset and a network do not fit together. */
import { classifierOf, networkOutput, type Classifier } from '../../network/outputs.ts';
import type { NetworkDoc, NetworkNode } from '../../network/types.ts';
import { resizesToNetwork } from '../dataFit.ts';
import type { DataDescription } from '../types.ts';

function inputShape(doc: NetworkDoc): number[] | null {
  const input = doc.nodes.find((n) => n.type === 'Input');
  const shape = input?.params['shape'];
  return Array.isArray(shape) && shape.length === 3 && shape.every((v) => typeof v === 'number')
    ? (shape as number[])
    : null;
}

/**
 * The layer that sets the number of classes, behind the network's single output (both decided in
 * network/outputs.ts); null when there is no single output or no such layer.
 */
export function classifierNode(doc: NetworkDoc): Classifier | null {
  const output = networkOutput(doc);
  return output.kind === 'one' ? classifierOf(doc, output.node) : null;
}

function nodeName(n: NetworkNode): string {
  return n.label ? `'${n.label}' (${n.id})` : `'${n.id}'`;
}

// The dashboard's button and `netd train --adapt` run the same Adapt.
const ADAPT = "or use 'Adapt network to data' (netd train --adapt)";

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
  } else if (!resizesToNetwork(desc.format)) {
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
    const { node, param } = classifier;
    const width = node.params[param];
    const what = param === 'units' ? 'Dense layer' : 'Conv2D layer (the classifier)';
    if (typeof width === 'number' && width !== classes) {
      problems.push(
        `the data has ${classes} classes but the last ${what} ${nodeName(node)} has ${width} ${param} — set its ${param} to ${classes} ${ADAPT}`,
      );
    }
  }
  return problems;
}
