/**
 * Compiling a NetDesigner design into a tfjs functional `LayersModel`: validate, expand composite
 * blocks into primitives, then build one layer (or a short chain) per node in topological order.
 */
import type { LayersModel, SymbolicTensor } from '../backend/tfjs.ts';
import { analyzeNetwork } from '../../network/analyze.ts';
import { fmtShape } from '../../network/catalog/format.ts';
import { expandComposites } from '../../network/expand.ts';
import { pickOutput, sinkNodes } from '../../network/outputs.ts';
import { predecessors } from '../../network/traversal.ts';
import type { NetworkAnalysis, NetworkDoc, NetworkNode } from '../../network/types.ts';
import type { Tf } from '../backend/tf.ts';
import { registerCustomLayers } from './customLayers.ts';
import { CompileError, designError } from './errors.ts';
import { buildNode, type LayerContext } from './layerFactory.ts';
import { readParams } from './params.ts';
import { nonNegativeNodes } from './signs.ts';

export { CompileError } from './errors.ts';
export { registerCustomLayers } from './customLayers.ts';

export interface CompiledModel {
  /** Not compiled with an optimizer: the trainer owns the loss and the optimizer. */
  model: LayersModel;
  /**
   * True when the output is raw class scores (train with `tf.losses.softmaxCrossEntropy`), false
   * when the design already ends in a softmax (use categorical cross-entropy on probabilities).
   */
  outputsLogits: boolean;
  inputShape: [number, number, number];
  classes: number;
  /**
   * The tfjs layer of each primitive node of the expanded design that holds its weights (Conv2D,
   * Dense, BatchNorm …), by node id: how weights are loaded, frozen and read back by node.
   */
  layerNames: ReadonlyMap<string, string>;
}

/** Keeps layer names unique and safe for tfjs weight paths (`blk/conv1` → `blk_conv1`). */
function nameAllocator(): (base: string) => string {
  const used = new Set<string>();
  return (base) => {
    let safe = base.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(safe)) safe = `n_${safe}`;
    let name = safe;
    for (let i = 2; used.has(name); i++) name = `${safe}_${i}`;
    used.add(name);
    return name;
  };
}

function isSoftmax(node: NetworkNode): boolean {
  if (node.type === 'Activation') return readParams(node, 'Activation').fn === 'softmax';
  if (node.type === 'Dense') return readParams(node, 'Dense').activation === 'softmax';
  return false;
}

/**
 * True when the design's output node already applies softmax (the trainer must not apply it again).
 *
 * @throws CompileError when the design has no single vector output.
 */
export function outputIsSoftmax(doc: NetworkDoc): boolean {
  const expanded = expandComposites(doc);
  const out = findOutput(expanded, analyzeNetwork(expanded));
  return isSoftmax(out.node);
}

/** The network's output (decided in network/outputs.ts), which must be a vector of class scores. */
function findOutput(
  doc: NetworkDoc,
  analysis: NetworkAnalysis,
): { node: NetworkNode; classes: number } {
  const shapeOf = (id: string) => analysis.nodes[id]?.outputShape;
  const output = pickOutput(sinkNodes(doc), shapeOf);
  if (output.kind === 'many') {
    const vectors = output.nodes.filter((n) => shapeOf(n.id)?.length === 1);
    const named = vectors.length > 1 ? vectors : output.nodes;
    throw new CompileError(
      `The design has ${named.length} outputs (${named.map((n) => `'${n.id}'`).join(', ')}); training needs exactly one — delete or connect the others`,
      named[1]!.id,
    );
  }
  if (output.kind === 'none')
    throw new CompileError('The design has no output layer; add a Dense classifier');
  const { node } = output;
  const shape = shapeOf(node.id);
  if (shape?.length === 1) return { node, classes: shape[0]! };
  throw new CompileError(
    `The output '${node.id}' has shape ${shape ? fmtShape(shape) : '?'}; a classifier must end in a vector of class scores — add GlobalAvgPool2D or Flatten, then Dense`,
    node.id,
  );
}

/**
 * Compiles a valid design into a functional tfjs model (not yet `.compile()`d with an optimizer).
 * Layer names come from node ids (sanitised, unique); expanded composite layers are named like
 * `blk_conv1`. Traps handled: BatchNorm momentum converted (tfjs = 1 − PyTorch) and always with
 * gamma/beta; explicit padding as a separate zero padding (−∞ for max pooling); dilation > 1 via
 * a differentiable custom layer; leakyRelu with PyTorch's slope 0.01.
 *
 * @throws CompileError naming the node when the design is invalid (first analysis error), has no
 *   single Input, or does not end in exactly one vector output.
 */
export function compileModel(tf: Tf, doc: NetworkDoc): CompiledModel {
  const invalid = designError(analyzeNetwork(doc));
  if (invalid) throw invalid;
  const flat = expandComposites(doc);
  const analysis = analyzeNetwork(flat);
  const stillInvalid = designError(analysis);
  if (stillInvalid) throw stillInvalid;

  const byId = new Map(flat.nodes.map((n) => [n.id, n]));
  const inputNodes = flat.nodes.filter((n) => n.type === 'Input');
  if (inputNodes.length !== 1) {
    throw new CompileError(
      `Training needs exactly one Input layer; this design has ${inputNodes.length} (${inputNodes.map((n) => `'${n.id}'`).join(', ')})`,
      inputNodes[1]?.id,
    );
  }
  const inputNode = inputNodes[0]!;
  const inputShape = [...readParams(inputNode, 'Input').shape] as [number, number, number];
  const output = findOutput(flat, analysis);

  const nonNegative = nonNegativeNodes(flat, analysis.order);
  // Each node's sources in edge order (= Concat/Add input order), indexed once: linear time.
  const sourcesOf = predecessors(flat.edges);
  const allocate = nameAllocator();
  const layerNames = new Map<string, string>();
  let building: string | null = null;
  const ctx: LayerContext = {
    tf,
    custom: registerCustomLayers(tf),
    // The name given to a node's own id while that node is built is its main layer's name.
    name: (base) => {
      const name = allocate(base);
      if (base === building) layerNames.set(base, name);
      return name;
    },
    inputsNonNegative: (id) => {
      const sources = sourcesOf.get(id) ?? [];
      return sources.length > 0 && sources.every((s) => nonNegative.has(s));
    },
  };
  const tensors = new Map<string, SymbolicTensor>();
  const modelInput = tf.input({ shape: inputShape, name: ctx.name(inputNode.id) });
  tensors.set(inputNode.id, modelInput);
  for (const id of analysis.order) {
    const node = byId.get(id);
    if (!node || node.type === 'Input') continue;
    // Incoming edges in file order are the input order (matters for Concat).
    const inputs = (sourcesOf.get(id) ?? []).map((s) => tensors.get(s));
    if (inputs.some((t) => t === undefined)) continue; // fed only by unused branches of another Input
    try {
      building = id;
      tensors.set(id, buildNode(ctx, node, inputs as SymbolicTensor[]));
    } catch (err) {
      if (err instanceof CompileError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      throw new CompileError(`${node.type} '${id}' could not be built: ${message}`, id);
    }
  }
  const out = tensors.get(output.node.id);
  if (!out)
    throw new CompileError(
      `The output '${output.node.id}' is not connected to the Input`,
      output.node.id,
    );
  const model = tf.model({
    inputs: modelInput,
    outputs: out,
    name: ctx.name(doc.name || 'network'),
  });
  return {
    model,
    outputsLogits: !isSoftmax(output.node),
    inputShape,
    classes: output.classes,
    layerNames,
  };
}
