/**
 * Weights ↔ a compiled tfjs model, by node: load a design's weights into the model before
 * training, freeze the layers of frozen nodes, and read the trained weights back as
 * `<nodeId>/<weight>` tensors. The tfjs engine calls these; the sidecar holds what they produce.
 */
import type { LayersModel } from '../training/backend/tfjs.ts';
import type { NetworkDoc } from '../network/types.ts';
import type { Tf } from '../training/backend/tf.ts';
import { assertWeightsFit } from './check.ts';
import { expectedWeights } from './layout.ts';
import { WeightsError, type Weights, type WeightSpec } from './types.ts';

/** What the weights functions need from `compileModel`'s result. */
export interface CompiledForWeights {
  model: LayersModel;
  layerNames: ReadonlyMap<string, string>;
}

type LayerVariable = LayersModel['weights'][number];

/** The tfjs variable holding one expected tensor (matched by the layer and tfjs's weight name). */
function variableOf(compiled: CompiledForWeights, spec: WeightSpec): LayerVariable {
  const layerName = compiled.layerNames.get(spec.nodeId);
  if (!layerName)
    throw new WeightsError(`no layer was compiled for '${spec.nodeId}' (tensor '${spec.name}')`);
  const layer = compiled.model.getLayer(layerName);
  const v = layer.weights.find((w) => w.originalName.endsWith(`/${spec.weight}`));
  if (!v)
    throw new WeightsError(`layer '${layerName}' has no '${spec.weight}' (tensor '${spec.name}')`);
  return v;
}

/**
 * Writes `weights` into the model. They must fit the design exactly (see `assertWeightsFit`).
 * @throws WeightsError naming every tensor that does not fit.
 */
export function loadWeightsIntoModel(
  tf: Tf,
  compiled: CompiledForWeights,
  doc: NetworkDoc,
  weights: Weights,
): void {
  for (const spec of assertWeightsFit(doc, weights)) {
    const t = weights.get(spec.name)!;
    const v = variableOf(compiled, spec);
    const value = tf.tensor(t.data, t.shape, 'float32');
    v.write(value);
    value.dispose();
  }
}

/** The model's current weights as `<nodeId>/<weight>` tensors (copies, in design order). */
export function readWeightsFromModel(compiled: CompiledForWeights, doc: NetworkDoc): Weights {
  const out: Weights = new Map();
  for (const spec of expectedWeights(doc)) {
    const v = variableOf(compiled, spec);
    out.set(spec.name, { shape: [...spec.shape], data: Float32Array.from(v.read().dataSync()) });
  }
  return out;
}

/**
 * Makes the layers of frozen nodes untrainable: their variables leave `model.trainableWeights`
 * (so the optimizer never touches them), and a frozen BatchNorm normalises with its moving
 * statistics and stops updating them (Keras's rule for a non-trainable BatchNorm), so every
 * frozen number stays bit-for-bit as loaded. Returns the ids of the primitive nodes frozen.
 */
export function freezeLayers(compiled: CompiledForWeights, doc: NetworkDoc): string[] {
  const frozen = new Set(
    expectedWeights(doc)
      .filter((s) => s.frozen)
      .map((s) => s.nodeId),
  );
  for (const nodeId of frozen) {
    const layer = compiled.model.getLayer(compiled.layerNames.get(nodeId)!);
    layer.trainable = false;
    if (layer.getClassName() === 'BatchNormalization') {
      // tfjs updates moving statistics whenever `training` is true, trainable or not.
      const bn = layer as unknown as {
        call(inputs: unknown, kwargs: Record<string, unknown>): unknown;
      };
      const call = bn.call.bind(bn);
      bn.call = (inputs, kwargs) => call(inputs, { ...kwargs, training: false });
    }
  }
  return [...frozen];
}
