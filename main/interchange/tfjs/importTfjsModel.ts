/**
 * `netd import model.json`: a TensorFlow.js layers model as NetDesigner saves a run's model
 * (`model.json` + `weights.bin`) becomes a design with its weights. Layers map one to one (the
 * compiler's padding and leaky-ReLU helpers folded back), exact ResNet/GoogLeNet blocks are
 * recognised as in the ONNX import, and nothing is returned unless the whole model imported.
 */
import { readRegularBytes, readRegularFile } from '../../files/safeFs.ts';
import { basename, dirname, isAbsolute, join, normalize } from 'node:path';
import { z } from 'zod';
import { analyzeNetwork } from '../../network/analyze.ts';
import {
  NETWORK_FORMAT,
  NETWORK_VERSION,
  type NetworkDoc,
  type NetworkEdge,
  type NetworkNode,
} from '../../network/types.ts';
import { assertWeightsFit } from '../../weights/check.ts';
import { WeightsError, numel, type Weights } from '../../weights/types.ts';
import { foldBlocks } from '../onnx/import/patterns/foldBlocks.ts';
import {
  inboundNames,
  layerToNode,
  symmetricPadding,
  tfjsLayerSchema,
  TfjsImportError,
  type TfjsLayer,
} from './layers.ts';

export { TfjsImportError } from './layers.ts';

/** model.json larger than this is not a model NetDesigner wrote (its topology is a few hundred KB). */
const MAX_MODEL_JSON_BYTES = 64 * 1024 * 1024;
const MAX_WEIGHT_BYTES = 4 * 1024 ** 3;

const modelJsonSchema = z.object({
  modelTopology: z.object({
    class_name: z.string(),
    config: z.object({ name: z.string().optional(), layers: z.array(tfjsLayerSchema) }),
  }),
  weightsManifest: z.array(
    z.object({
      paths: z.array(z.string()),
      weights: z.array(
        z.object({ name: z.string(), shape: z.array(z.number().int().min(0)), dtype: z.string() }),
      ),
    }),
  ),
});

/** A design with its weights, and what was recognised (e.g. "8 ResidualBlocks"). */
export interface ImportedTfjsModel {
  doc: NetworkDoc;
  weights: Weights;
  notes: string[];
}

const fail = (line: string): never => {
  throw new TfjsImportError([line]);
};

async function readModelJson(path: string): Promise<z.infer<typeof modelJsonSchema>> {
  let text: string;
  try {
    // Regular files only, checked on the open handle: a FIFO or device must not hang the host.
    const read = await readRegularFile(path, MAX_MODEL_JSON_BYTES);
    if ('refusal' in read)
      return fail(
        read.refusal === 'too-large'
          ? `${path}: larger than ${MAX_MODEL_JSON_BYTES} bytes; not a TensorFlow.js model.json`
          : `${path}: not a regular file`,
      );
    text = read.text;
  } catch (err) {
    if (err instanceof TfjsImportError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    return fail(
      `${path}: ${code === 'ENOENT' ? 'file not found' : `cannot read: ${(err as Error).message}`}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail(`${path}: not valid JSON`);
  }
  const parsed = modelJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      `${path}: not a TensorFlow.js layers model (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  return parsed.data;
}

/** The layers as design nodes and edges, with the compiler's helper layers folded back. */
function convertLayers(layers: TfjsLayer[]): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const byName = new Map(layers.map((l) => [l.name, l]));
  const consumers = new Map<string, string[]>();
  for (const l of layers)
    for (const src of inboundNames(l)) {
      const list = consumers.get(src);
      if (list) list.push(l.name);
      else consumers.set(src, [l.name]);
    }
  const only = (name: string): TfjsLayer | undefined => {
    const c = consumers.get(name) ?? [];
    return c.length === 1 ? byName.get(c[0]!) : undefined;
  };

  const foldedPad = new Map<string, [number, number]>(); // consumer → padding
  const alias = new Map<string, string>(); // folded layer → the node that stands for it
  const leaky = new Set<string>(); // Conv2D/Dense that absorb their `_act`
  for (const l of layers) {
    if (l.class_name === 'ZeroPadding2D') {
      const next = only(l.name);
      const pad = symmetricPadding(l);
      const valid = next && String(next.config['padding'] ?? 'valid') === 'valid';
      // Zero padding is PyTorch's padding for convolutions and average pooling; for max pooling
      // only where the compiler put it (inputs ≥ 0), named after the pool.
      const folds =
        next &&
        pad &&
        valid &&
        (['Conv2D', 'NetdDilatedConv2D', 'AveragePooling2D'].includes(next.class_name) ||
          (next.class_name === 'MaxPooling2D' && l.name === `${next.name}_pad`));
      if (folds) {
        foldedPad.set(next.name, pad);
        alias.set(l.name, inboundNames(l)[0] ?? '');
      }
    }
    if (l.class_name === 'LeakyReLU') {
      const [prevName] = inboundNames(l);
      const prev = prevName ? byName.get(prevName) : undefined;
      if (
        prev &&
        l.name === `${prev.name}_act` &&
        (consumers.get(prev.name) ?? []).length === 1 &&
        ['Conv2D', 'Dense'].includes(prev.class_name) &&
        String(prev.config['activation'] ?? 'linear') === 'linear' &&
        Math.abs(Number(l.config['alpha']) - 0.01) < 1e-9
      ) {
        leaky.add(prev.name);
        alias.set(l.name, prev.name);
      }
    }
  }
  const resolve = (name: string): string => {
    let n = name;
    for (let i = 0; alias.has(n) && i < layers.length; i++) n = alias.get(n)!;
    return n;
  };

  const problems: string[] = [];
  const nodes: NetworkNode[] = [];
  const edges: NetworkEdge[] = [];
  for (const l of layers) {
    if (alias.has(l.name)) continue;
    const node = layerToNode(l, foldedPad.get(l.name) ?? null);
    if (typeof node === 'string') {
      problems.push(node);
      continue;
    }
    if (leaky.has(l.name)) node.params.activation = 'leakyRelu';
    if (l.config['trainable'] === false) node.frozen = true;
    nodes.push(node);
    for (const src of inboundNames(l)) edges.push({ source: resolve(src), target: l.name });
  }
  if (problems.length > 0) throw new TfjsImportError(problems);
  return { nodes, edges };
}

/** The weights of every manifest group, by `<layer>/<weight>` (= `<nodeId>/<weight>`). */
async function readWeights(
  modelPath: string,
  manifest: z.infer<typeof modelJsonSchema>['weightsManifest'],
): Promise<Weights> {
  const dir = dirname(modelPath);
  const weights: Weights = new Map();
  for (const group of manifest) {
    const chunks: Buffer[] = [];
    for (const p of group.paths) {
      const rel = normalize(p);
      if (isAbsolute(rel) || rel.startsWith('..'))
        fail(`${modelPath}: weights path '${p}' leaves the model's folder`);
      const file = join(dir, rel);
      try {
        const read = await readRegularBytes(file, MAX_WEIGHT_BYTES);
        if ('refusal' in read)
          fail(`${file}: ${read.refusal === 'too-large' ? 'too large' : 'not a regular file'}`);
        else chunks.push(read.bytes);
      } catch (err) {
        if (err instanceof TfjsImportError) throw err;
        fail(
          `${file}: the weights file named in model.json cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
        );
      }
    }
    const bytes = Buffer.concat(chunks);
    const need = group.weights.reduce((a, w) => a + numel(w.shape) * 4, 0);
    if (bytes.length !== need)
      fail(
        `${modelPath}: the weights files hold ${bytes.length} bytes but the manifest describes ${need}`,
      );
    let offset = 0;
    for (const w of group.weights) {
      if (w.dtype !== 'float32')
        fail(`weight '${w.name}' is ${w.dtype}; NetDesigner reads float32`);
      const n = numel(w.shape);
      const data = new Float32Array(n);
      new Uint8Array(data.buffer).set(bytes.subarray(offset, offset + n * 4));
      offset += n * 4;
      // tfjs names a weight `<layer>/<weight>` (a `_1` suffix keeps duplicates apart).
      const key = w.name.replace(/_\d+$/, '');
      weights.set(key, { shape: [...w.shape], data });
    }
  }
  return weights;
}

/**
 * Imports the TensorFlow.js layers model at `path` (its `model.json`; weights files beside it).
 *
 * @throws TfjsImportError with one line per problem (unreadable file, unsupported layer, weights
 *   that do not match); nothing is imported in part.
 */
export async function importTfjsModel(path: string): Promise<ImportedTfjsModel> {
  const model = await readModelJson(path);
  const { nodes, edges } = convertLayers(model.modelTopology.config.layers);
  const folder = basename(dirname(path));
  const doc: NetworkDoc = {
    format: NETWORK_FORMAT,
    version: NETWORK_VERSION,
    name:
      folder && folder !== 'model' ? folder : (model.modelTopology.config.name ?? 'Imported model'),
    nodes,
    edges,
  };
  const analysis = analyzeNetwork(doc);
  if (!analysis.valid) {
    const errors = analysis.problems.filter((p) => p.severity === 'error').slice(0, 5);
    throw new TfjsImportError(errors.map((p) => `the imported design is not valid: ${p.message}`));
  }
  const weights = await readWeights(path, model.weightsManifest);
  try {
    assertWeightsFit(doc, weights, `the weights of ${path}`);
  } catch (err) {
    if (err instanceof WeightsError) throw new TfjsImportError([err.message]);
    throw err;
  }
  const folded = foldBlocks(doc, weights);
  return { doc: folded.doc, weights: folded.weights, notes: folded.notes };
}
