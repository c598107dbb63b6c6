/**
 * A design as one readable PyTorch file: an `nn.Module` named after the network, one attribute per
 * layer named from the design's ids, `forward` in topological order with the output shape of each
 * line, composite blocks as small sub-modules (Inception, ResidualBlock) like torchvision's.
 */
import { fmtInt, fmtShape } from '../../network/catalog/format.ts';
import type { NetworkAnalysis, NetworkDoc, NodeAnalysis, Shape } from '../../network/types.ts';
import { ExportError, nodeCode, type HelperClass, type NodeCode } from './nodeCode.ts';
import { pickDefinitions } from './pythonSources.ts';
import { PythonNames, pythonClassName } from './pythonNames.ts';

export interface GeneratedModel {
  /** The whole `model.py`. */
  source: string;
  className: string;
  /** `[C, H, W]` of one input image. */
  inputShape: [number, number, number];
  classes: number;
  /** True when `forward` ends in a softmax (train on the log of its output). */
  outputsProbabilities: boolean;
  /** Design weight prefix (expanded node id) → module path in the generated class. */
  layers: [string, string][];
  /** Design node id → the attribute that computes it (nodes that are only an expression have none). */
  modules: [string, string][];
}

const HELPER_ORDER: HelperClass[] = ['TFSameAvgPool2d', 'ConvUnit', 'Inception', 'ResidualBlock'];

/** Lines `code  # comment` with the comments of one block aligned. */
function aligned(rows: [string, string | null][], indent: string): string[] {
  const width = Math.min(
    72,
    Math.max(0, ...rows.filter(([, c]) => c).map(([code]) => code.length)),
  );
  return rows.map(([code, comment]) =>
    comment ? `${indent}${code.padEnd(width)}  # ${comment}` : `${indent}${code}`,
  );
}

/** Loading the trained weights shipped beside the file: netd_torch/weights.py's reader, inlined. */
function pretrainedSection(className: string, weightsFile: string): string[] {
  const defs = pickDefinitions('weights.py', [
    'read_safetensors',
    '_pairs',
    '_to_torch',
    'load_design_weights',
  ]);
  return [
    '',
    '# --- the trained weights (NetDesigner safetensors, TensorFlow.js layouts) ------------------',
    '',
    'import json  # noqa: E402',
    'import os  # noqa: E402',
    'import struct  # noqa: E402',
    'from typing import Dict, Mapping  # noqa: E402',
    '',
    'import numpy as np  # noqa: E402',
    '',
    ...defs.flatMap((d) => ['', d, '']),
    '',
    `def pretrained(path: str = os.path.join(os.path.dirname(os.path.abspath(__file__)), ${JSON.stringify(weightsFile)})) -> ${className}:`,
    `    """${className} with the trained weights NetDesigner exported beside this file."""`,
    `    model = ${className}()`,
    '    load_design_weights(model, read_safetensors(path), DESIGN_LAYERS)',
    '    return model.eval()',
    '',
  ];
}

/** `28×28×6 · 156 params` (+ BatchNorm's running statistics, apart, as the designer shows them). */
function moduleComment(shape: Shape, a: NodeAnalysis): string {
  const parts = [fmtShape(shape)];
  if (a.trainableParams > 0) parts.push(`${fmtInt(a.trainableParams)} params`);
  if (a.nonTrainableParams > 0) parts.push(`${fmtInt(a.nonTrainableParams)} running stats`);
  return parts.join(' · ');
}

/** Words of `text` in lines of at most `width` characters, each starting with `indent`. */
function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out;
}

/** A class docstring of `text`, wrapped at 96 columns. */
function docstring(text: string): string[] {
  const body = wrap(text.replace(/"""/g, "'''"), 92, '    ');
  if (body.length === 1 && body[0]!.length <= 86) return [`    """${body[0]!.trim()}"""`];
  return ['    """', ...body, '    """'];
}

function isSoftmaxNode(doc: NetworkDoc, id: string): boolean {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) return false;
  if (node.type === 'Activation') return (node.params.fn ?? 'relu') === 'softmax';
  if (node.type === 'Dense') return node.params.activation === 'softmax';
  return false;
}

function shapeOf(analysis: NetworkAnalysis, id: string): Shape {
  const shape = analysis.nodes[id]?.outputShape;
  if (!shape) throw new ExportError(`'${id}' has no known output shape; fix the design first`, id);
  return shape;
}

/**
 * `train()` for a model with frozen layers: a frozen layer keeps its BatchNorm running statistics
 * too (as Keras does for a non-trainable BatchNormalization), so every BatchNorm inside a frozen
 * module — a frozen BatchNorm or the ones inside a frozen block — stays in eval mode while the rest
 * trains. In the model file so `netd train`, the exported train.py and a user's own loop all get it.
 */
function frozenTrainMethod(className: string, frozen: readonly string[]): string[] {
  const modules = frozen.map((attr) => `self.${attr}`).join(', ');
  return [
    `    def train(self, mode: bool = True) -> "${className}":`,
    '        super().train(mode)',
    `        for frozen in (${modules}${frozen.length === 1 ? ',' : ''}):`,
    '            for m in frozen.modules():',
    '                if isinstance(m, nn.modules.batchnorm._BatchNorm):  # incl. SyncBatchNorm',
    '                    m.eval()  # running statistics stay as they were',
    '        return self',
  ];
}

/**
 * Writes the PyTorch module of a valid design.
 *
 * @throws ExportError naming the node when the design is not exactly one Input → … → one output,
 *   or holds a layer that cannot be exported.
 */
export function generateModel(
  doc: NetworkDoc,
  analysis: NetworkAnalysis,
  opts: {
    sourceFile?: string;
    /** A weights file (NetDesigner layouts) beside the model: adds `pretrained()` to load it. */
    weightsFile?: string;
  } = {},
): GeneratedModel {
  const inputs = doc.nodes.filter((n) => n.type === 'Input');
  if (inputs.length !== 1) {
    throw new ExportError(
      `a PyTorch module needs exactly one Input; this design has ${inputs.length}`,
      inputs[1]?.id,
    );
  }
  const input = inputs[0]!;
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const e of doc.edges) {
    outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e.target]);
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  }
  const sinks = doc.nodes.filter((n) => n.type !== 'Input' && !outgoing.has(n.id));
  if (sinks.length !== 1) {
    throw new ExportError(
      sinks.length === 0
        ? 'the design has no output layer'
        : `the design has ${sinks.length} outputs (${sinks.map((n) => `'${n.id}'`).join(', ')}); a module returns one — delete or connect the others`,
      sinks[1]?.id,
    );
  }
  const output = sinks[0]!;
  const outShape = shapeOf(analysis, output.id);
  if (outShape.length !== 1) {
    throw new ExportError(
      `the output '${output.id}' has shape ${fmtShape(outShape)}; a classifier ends in a vector of class scores`,
      output.id,
    );
  }
  const inShape = shapeOf(analysis, input.id) as [number, number, number];
  const className = pythonClassName(doc.name);
  const names = new PythonNames();
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const order = analysis.order.filter((id) => byId.has(id));

  const initRows: [string, string | null][] = [];
  const forwardRows: [string, string | null][] = [];
  const helpers = new Set<HelperClass>();
  const layers: [string, string][] = [];
  const vars = new Map<string, string>();
  const frozen: string[] = [];
  const nodeModules: [string, string][] = [];

  const varFor = (id: string, index: number): string => {
    if (id === output.id) return 'x';
    const next = order[index + 1];
    const outs = outgoing.get(id) ?? [];
    return outs.length === 1 && outs[0] === next ? 'x' : names.of(id);
  };

  order.forEach((id, index) => {
    const node = byId.get(id)!;
    if (node.type === 'Input') {
      const v = varFor(id, index);
      vars.set(id, v);
      if (v !== 'x') forwardRows.push([`${v} = x`, `${fmtShape(inShape)} (the input)`]);
      return;
    }
    const srcs = incoming.get(id) ?? [];
    const args = srcs.map((s) => vars.get(s));
    if (args.some((a) => a === undefined)) return; // not fed from the Input (an unused branch)
    const a = analysis.nodes[id]!;
    const shape = shapeOf(analysis, id);
    let code: NodeCode;
    try {
      code = nodeCode(
        node,
        a.inputShapes.map((s) => s ?? []),
        shape,
        names,
      );
    } catch (err) {
      if (err instanceof ExportError) throw err;
      throw new ExportError(`${node.type} '${id}': ${(err as Error).message}`, id);
    }
    for (const [attr, ctor] of code.modules) {
      const comment = attr === code.main ? moduleComment(shape, a) : null;
      initRows.push([
        `self.${attr} = ${ctor.split('  # ')[0]}`,
        comment ?? ctor.split('  # ')[1] ?? null,
      ]);
    }
    if (code.main) nodeModules.push([id, code.main]);
    if (node.frozen && code.main) frozen.push(code.main);
    for (const h of code.helpers) helpers.add(h);
    layers.push(...code.layers);
    const v = varFor(id, index);
    vars.set(id, v);
    forwardRows.push([`${v} = ${code.call(args as string[])}`, fmtShape(shape)]);
  });
  const result = vars.get(output.id);
  if (!result) {
    throw new ExportError(`the output '${output.id}' is not connected to the Input`, output.id);
  }

  const probabilities = isSoftmaxNode(doc, output.id);
  const classes = outShape[0]!;
  const [h, w, c] = inShape;
  const t = analysis.totals;
  const lines: string[] = [];
  lines.push(
    `"""${doc.name} — exported from NetDesigner${opts.sourceFile ? ` (${opts.sourceFile})` : ''}.`,
    '',
    ...wrap(
      `Input: ${fmtShape(inShape)} images, given channels first as (N, ${c}, ${h}, ${w}). Output: ${classes} class ${probabilities ? 'probabilities (the design ends in softmax)' : 'scores (logits)'}. Trainable parameters: ${fmtInt(t.trainableParams)}; BatchNorm running statistics: ${fmtInt(t.nonTrainableParams)}.`,
      96,
    ),
    ...wrap(
      'Every layer computes what the designer and its TensorFlow.js engine compute: TensorFlow-style "same" padding, −∞ max-pool padding, channels-last (H·W·C) flatten order — so NetDesigner weights (DESIGN_LAYERS below) load unchanged.',
      96,
    ),
    '"""',
  );
  if (helpers.size > 0)
    lines.push('from collections import OrderedDict', 'from typing import List, Tuple', '');
  lines.push('import torch', 'import torch.nn.functional as F', 'from torch import nn', '');
  const helperCode = pickDefinitions(
    'layers.py',
    HELPER_ORDER.filter((name) => helpers.has(name)),
  );
  for (const code of helperCode) lines.push('', code, '');
  lines.push(
    '',
    `class ${className}(nn.Module):`,
    ...docstring(doc.description ?? doc.name),
    '',
    `    input_shape = (${c}, ${h}, ${w})  # (C, H, W)`,
    `    num_classes = ${classes}`,
    `    outputs_probabilities = ${probabilities ? 'True  # forward ends in softmax' : 'False'}`,
    '',
    '    def __init__(self) -> None:',
    '        super().__init__()',
    ...aligned(initRows, '        '),
  );
  for (const attr of frozen)
    lines.push(`        self.${attr}.requires_grad_(False)  # frozen in the design`);
  if (frozen.length > 0) lines.push('', ...frozenTrainMethod(className, frozen));
  lines.push(
    '',
    '    def forward(self, x: torch.Tensor) -> torch.Tensor:',
    ...aligned(forwardRows, '        '),
    `        return ${result}`,
    '',
    '',
    '# Where each weighted layer of the design lives in this module. NetDesigner stores weights as',
    '# "<layer>/<weight>" in TensorFlow.js layouts (kernel [kh, kw, in, out], dense kernel [in, out]).',
    'DESIGN_LAYERS = {',
    ...layers.map(([id, path]) => `    ${JSON.stringify(id)}: ${JSON.stringify(path)},`),
    '}',
    '',
    ...(opts.weightsFile ? pretrainedSection(className, opts.weightsFile) : []),
    '',
    'if __name__ == "__main__":',
    `    model = ${opts.weightsFile ? 'pretrained' : className}()`,
    '    print(model)',
    `    print(model(torch.zeros(2, *${className}.input_shape)).shape)`,
    '',
  );
  return {
    source: lines.join('\n'),
    className,
    inputShape: [c, h, w],
    classes,
    outputsProbabilities: probabilities,
    layers,
    modules: nodeModules,
  };
}
