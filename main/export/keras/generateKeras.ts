/**
 * A design as a readable Keras 3 Python file: a `build_model()` in the functional API with one line
 * per layer or block, layer names from the design's node ids, the block helpers it uses copied in
 * from netd_keras.py, frozen layers marked untrainable, and (given a weights file) the trained
 * weights loaded by name.
 */
import { readFileSync } from 'node:fs';
import { expandComposites } from '../../network/expand.ts';
import { fmtInt, fmtShape } from '../../network/catalog/format.ts';
import type { NetworkAnalysis, NetworkDoc } from '../../network/types.ts';
import { nonNegativeNodes } from '../../training/compile/signs.ts';
import { expectedWeights } from '../../weights/layout.ts';
import { pythonDefinitions } from '../pytorch/pythonSources.ts';
import { PythonNames, pythonClassName } from '../pytorch/pythonNames.ts';
import { KerasExportError, kerasLayerName, layerCode } from './layerCode.ts';

export { KerasExportError, kerasLayerName } from './layerCode.ts';

const HELPERS_FILE = new URL('./python/netd_keras.py', import.meta.url);

/** Helper definitions in the order they appear in netd_keras.py (dependencies first). */
function helperSources(names: ReadonlySet<string>): string[] {
  const defs = pythonDefinitions(readFileSync(HELPERS_FILE, 'utf8'));
  for (const n of names) if (!defs.has(n)) throw new Error(`netd_keras.py does not define ${n}`);
  return [...defs].filter(([n]) => names.has(n)).map(([, code]) => code);
}

export interface KerasOptions {
  /** The design file's name, for the header. */
  sourceFile: string;
  /** A weights file (safetensors) to load, relative to the generated file; absent = fresh weights. */
  weightsFile?: string;
}

export interface KerasModule {
  source: string;
  /** Keras names of the layers holding weights, in design order. */
  weightLayers: string[];
}

/** Keras layer names must be unique: two ids that differ only in "/" vs "_" cannot both be kept. */
function checkNames(doc: NetworkDoc): void {
  const seen = new Map<string, string>();
  for (const n of expandComposites(doc).nodes) {
    const name = kerasLayerName(n.id);
    const other = seen.get(name);
    if (other !== undefined && other !== n.id)
      throw new KerasExportError(
        `nodes '${other}' and '${n.id}' would both be the Keras layer '${name}'; rename one`,
      );
    seen.set(name, n.id);
  }
}

/**
 * Writes the Keras module of a valid design.
 * @throws KerasExportError naming the node when a layer cannot be written or names collide.
 */
export function generateKeras(
  doc: NetworkDoc,
  analysis: NetworkAnalysis,
  opts: KerasOptions,
): KerasModule {
  checkNames(doc);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const sources = new Map<string, string[]>();
  const consumers = new Map<string, number>();
  for (const e of doc.edges) {
    sources.set(e.target, [...(sources.get(e.target) ?? []), e.source]);
    consumers.set(e.source, (consumers.get(e.source) ?? 0) + 1);
  }
  const nonNegative = nonNegativeNodes(doc, analysis.order);
  const names = new PythonNames();
  for (const reserved of [
    'inputs',
    'outputs',
    'model',
    'keras',
    'layers',
    'ops',
    'np',
    'build_model',
  ])
    names.derived(reserved);

  // A value read only by the next line lives in `x`; anything else gets its own variable.
  const order = analysis.order.filter((id) => byId.has(id));
  const variable = new Map<string, string>();
  const helpers = new Set<string>();
  const body: string[] = [];
  let output = 'x';
  order.forEach((id, i) => {
    const node = byId.get(id)!;
    const a = analysis.nodes[id];
    const next = order[i + 1];
    const chained =
      consumers.get(id) === 1 &&
      next !== undefined &&
      (sources.get(next) ?? []).length === 1 &&
      sources.get(next)![0] === id;
    const sink = !consumers.has(id);
    const target =
      node.type === 'Input' ? 'inputs' : sink ? 'outputs' : chained ? 'x' : names.of(id);
    variable.set(id, target);
    if (sink && node.type !== 'Input') output = target;
    if (node.type === 'Input') {
      const shape = (a?.outputShape ?? []).join(', ');
      body.push(
        `inputs = keras.Input(shape=(${shape}), name=${JSON.stringify(kerasLayerName(id))})`,
      );
      return;
    }
    const code = layerCode(node, target, {
      inputs: (sources.get(id) ?? []).map((s) => variable.get(s) ?? names.of(s)),
      inputShape: a?.inputShapes[0] ?? null,
      inputsNonNegative: (sources.get(id) ?? []).every((s) => nonNegative.has(s)),
    });
    code.helpers.forEach((h) => helpers.add(h));
    const label = node.label && node.label !== id ? `  # ${node.label}` : '';
    if (label) body.push(label.trim());
    body.push(...code.lines);
  });

  const specs = expectedWeights(doc);
  const weightLayers = [...new Set(specs.map((s) => kerasLayerName(s.nodeId)))];
  const frozen = [...new Set(specs.filter((s) => s.frozen).map((s) => kerasLayerName(s.nodeId)))];
  if (opts.weightsFile) helpers.add('load_netdesigner_weights');

  const t = analysis.totals;
  const inputNode = doc.nodes.find((n) => n.type === 'Input');
  const outShape = analysis.nodes[order.at(-1) ?? '']?.outputShape;
  const header = [
    `"""${doc.name} — a Keras 3 model written by NetDesigner from ${opts.sourceFile}.`,
    '',
    `Input ${inputNode ? fmtShape(analysis.nodes[inputNode.id]?.outputShape ?? []) : '?'} (channels-last), output ${outShape ? fmtShape(outShape) : '?'}; ` +
      `${fmtInt(t.trainableParams)} trainable parameters + ${fmtInt(t.nonTrainableParams)} BatchNorm statistics.`,
    'Layer names are the design\'s node ids ("/" becomes "_"); blocks are built by the helpers below.',
    opts.weightsFile
      ? `Run it to build the model with the trained weights from ${opts.weightsFile} and print its summary.`
      : 'Run it to build the model (freshly initialised) and print its summary.',
    '"""',
  ];
  const lines = [
    ...header,
    '',
    'from __future__ import annotations',
    '',
    ...(helpers.has('load_netdesigner_weights') ? ['import json', 'import struct'] : []),
    ...(opts.weightsFile ? ['from pathlib import Path'] : []),
    'from typing import Any',
    '',
    'import keras',
    ...(helpers.has('load_netdesigner_weights') ? ['import numpy as np'] : []),
    'from keras import layers, ops',
    '',
    ...helperSources(helpers).flatMap((code) => ['', code, '']),
    '',
    ...(opts.weightsFile
      ? [`WEIGHTS = Path(__file__).with_name(${JSON.stringify(opts.weightsFile)})`, '', '']
      : []),
    'def build_model() -> keras.Model:',
    `    """${doc.name}: ${order.length} layers and blocks, as designed in NetDesigner."""`,
    ...body.map((l) => `    ${l}`),
    `    model = keras.Model(inputs, ${output}, name=${JSON.stringify(pythonClassName(doc.name))})`,
    ...(frozen.length > 0
      ? [
          '    # Frozen in the design: these layers keep their weights while the rest trains.',
          `    for name in [${frozen.map((n) => JSON.stringify(n)).join(', ')}]:`,
          '        model.get_layer(name).trainable = False',
        ]
      : []),
    '    return model',
    '',
    '',
    'if __name__ == "__main__":',
    '    model = build_model()',
    ...(opts.weightsFile ? ['    load_netdesigner_weights(model, str(WEIGHTS))'] : []),
    '    model.summary()',
    '',
  ];
  // Unused imports would be noise in the user's file.
  let source = lines.join('\n');
  if (!/\bops\./.test(source))
    source = source.replace('from keras import layers, ops', 'from keras import layers');
  if (!/\bAny\b/.test(source.replace('from typing import Any', '')))
    source = source.replace('from typing import Any\n\n', '');
  return { source: source.replace(/\n{4,}/g, '\n\n\n'), weightLayers };
}
