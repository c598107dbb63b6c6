/**
 * Advice that does not make a network invalid: softmax in the middle, dangling outputs, a huge
 * Dense layer, no classifier at the end. Only nodes without errors are judged.
 */
import { aShape, fmtInt, nodeName } from './catalog/format.ts';
import type { Graph } from './graph.ts';
import { pickOutput } from './outputs.ts';
import type { NetworkNode, NodeAnalysis, Problem, QuickFix } from './types.ts';

/** Dense layers above this many weights draw a warning (VGG's first FC has 103 M). */
export const HUGE_DENSE = 50_000_000;

function usesSoftmax(node: NetworkNode): boolean {
  const p = node.params ?? {};
  return node.type === 'Activation' ? p.fn === 'softmax' : p.activation === 'softmax';
}

/**
 * The huge-Dense repair: when the Dense is fed by a Flatten of a feature map, swap that Flatten for
 * a GlobalAvgPool2D (one value per channel instead of every pixel). Undefined for any other input.
 */
function flattenToPool(
  graph: Graph,
  denseIndex: number,
  result: Record<string, NodeAnalysis>,
): QuickFix | undefined {
  const feeds = graph.inputs[denseIndex]!;
  if (feeds.length !== 1) return undefined;
  const flatten = graph.nodes[feeds[0]!]!;
  if (flatten.type !== 'Flatten' || result[flatten.id]?.inputShapes[0]?.length !== 3)
    return undefined;
  return {
    kind: 'replace-layer',
    label: `Replace ${flatten.id} with GlobalAvgPool2D`,
    nodeId: flatten.id,
    layerType: 'GlobalAvgPool2D',
  };
}

/** Warnings for an analysed graph (see the module comment). */
export function collectWarnings(graph: Graph, result: Record<string, NodeAnalysis>): Problem[] {
  const warnings: Problem[] = [];
  const warn = (node: NetworkNode, code: Problem['code'], message: string, fix?: QuickFix) =>
    warnings.push({
      severity: 'warning',
      code,
      nodeId: node.id,
      message: `${nodeName(node)}${message}`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  const sinks: number[] = [];
  for (let k = 0; k < graph.sortedCount; k++) {
    const i = graph.order[k]!;
    const node = graph.nodes[i]!;
    const a = result[node.id]!;
    if (graph.outputs[i]!.length === 0) sinks.push(i);
    if (a.outputShape === null) continue;
    if (usesSoftmax(node) && graph.outputs[i]!.length > 0)
      warn(
        node,
        'softmax-not-last',
        ': softmax turns values into class probabilities; it belongs on the last layer only — use relu here',
      );
    if (node.type === 'Dense' && a.trainableParams > HUGE_DENSE)
      warn(
        node,
        'huge-dense',
        ` has ${fmtInt(a.trainableParams)} weights — most of the network; a GlobalAvgPool2D instead of Flatten before it would shrink it`,
        flattenToPool(graph, i, result),
      );
  }
  // The output is decided in outputs.ts; every other sink is a forgotten branch.
  const verdict = pickOutput(
    sinks.map((i) => graph.nodes[i]!).filter((n) => n.type !== 'Input'),
    (id) => result[id]?.outputShape,
  );
  const output = verdict.kind === 'one' ? verdict.node : undefined;
  for (const i of sinks) {
    const node = graph.nodes[i]!;
    if (result[node.id]!.outputShape === null) continue;
    if (node.type === 'Input') warn(node, 'unused-output', ' is not connected to any layer');
    else if (node !== output)
      warn(
        node,
        'unused-output',
        `: its output is not used by any layer and is not the network's output — connect it or delete it`,
      );
  }
  if (output) {
    const shape = result[output.id]!.outputShape;
    if (shape && shape.length === 3)
      warn(
        output,
        'no-classifier',
        ` is the last layer and outputs ${aShape(shape)} map — add GlobalAvgPool2D and a Dense layer with one unit per class to classify`,
      );
  }
  return warnings;
}
