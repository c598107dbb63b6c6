/** `importOnnx(path)`: an ONNX file → a design with its weights, or one clear error. */
import { basename, dirname } from 'node:path';
import { analyzeNetwork } from '../../../network/analyze.ts';
import type { NetworkDoc } from '../../../network/types.ts';
import type { Weights } from '../../../weights/index.ts';
import { OnnxError } from '../errors.ts';
import type { OnnxGraph, OnnxTensor } from '../model.ts';
import { attr } from '../model.ts';
import { readOnnxFile } from '../read.ts';
import { DATA_TYPE } from '../proto.ts';
import { readTensor, type ConstTensor } from '../tensorData.ts';
import { convertGraph } from './convert.ts';
import { foldBlocks } from './patterns/foldBlocks.ts';

/** An imported design and its channels-last weights (`<nodeId>/<weight>`). */
export interface ImportedModel {
  doc: NetworkDoc;
  weights: Weights;
  /** What was recognised, for the user ("8 ResidualBlocks"). */
  notes: string[];
}

/** The tensor a Constant node holds (value, value_float(s), value_int(s)). */
function constantTensor(node: OnnxGraph['node'][number]): OnnxTensor | undefined {
  const base = { floatData: [], int32Data: [], int64Data: [], doubleData: [], externalData: [] };
  const value = attr(node, 'value')?.t;
  if (value) return value;
  const f = attr(node, 'value_float')?.f;
  if (f !== undefined) return { ...base, dims: [], dataType: DATA_TYPE.FLOAT, floatData: [f] };
  const fs = attr(node, 'value_floats')?.floats;
  if (fs?.length) return { ...base, dims: [fs.length], dataType: DATA_TYPE.FLOAT, floatData: fs };
  const i = attr(node, 'value_int')?.i;
  if (i !== undefined) return { ...base, dims: [], dataType: DATA_TYPE.INT64, int64Data: [i] };
  const is = attr(node, 'value_ints')?.ints;
  if (is?.length) return { ...base, dims: [is.length], dataType: DATA_TYPE.INT64, int64Data: is };
  return undefined;
}

/** Every initializer and Constant output, read (external data included). */
async function readConstants(graph: OnnxGraph, baseDir: string) {
  const consts = new Map<string, ConstTensor>();
  for (const t of graph.initializer) {
    if (!t.name) throw new OnnxError('an initializer has no name');
    consts.set(t.name, await readTensor(t, baseDir));
  }
  for (const node of graph.node) {
    if (node.opType !== 'Constant' || (node.domain && node.domain !== 'ai.onnx')) continue;
    const t = constantTensor(node);
    if (!t)
      throw new OnnxError(
        `node '${node.name || node.output[0]}' (Constant) holds no tensor NetDesigner reads`,
      );
    consts.set(node.output[0]!, await readTensor({ ...t, name: node.output[0] }, baseDir));
  }
  // PyTorch shares equal initializers through Identity nodes: their outputs are constants too.
  for (const node of graph.node) {
    const source = node.opType === 'Identity' ? consts.get(node.input[0] ?? '') : undefined;
    if (source && node.output[0]) consts.set(node.output[0], source);
  }
  return consts;
}

/** A design name from the file name (`resnet18.onnx` → `resnet18`). */
function designName(path: string): string {
  return basename(path).replace(/\.onnx$/i, '') || 'Imported model';
}

/**
 * Imports an ONNX model: reads and checks it, converts every node to design layers, recognises
 * exact ResNet and GoogLeNet blocks, and checks the result with the designer's own analysis.
 *
 * @throws OnnxError with one line per problem (unreadable file, unsupported operators, …).
 */
export async function importOnnx(path: string): Promise<ImportedModel> {
  const { graph, opset } = await readOnnxFile(path);
  const consts = await readConstants(graph, dirname(path));
  const primitive = convertGraph(graph, opset, consts, designName(path));
  const folded = foldBlocks(primitive.doc, primitive.weights);
  const analysis = analyzeNetwork(folded.doc);
  if (!analysis.valid) {
    const errors = analysis.problems.filter((p) => p.severity === 'error').slice(0, 5);
    throw new OnnxError(errors.map((p) => `the imported design is not valid: ${p.message}`));
  }
  return { doc: folded.doc, weights: folded.weights, notes: folded.notes };
}
