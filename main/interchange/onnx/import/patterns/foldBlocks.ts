/**
 * Replacing exact classic blocks with the catalog's composites, so an imported torchvision ResNet
 * looks like our template of it. Each replacement is checked: the design's totals and the block's
 * output shape must not change, else the layers stay as they were.
 */
import { analyzeNetwork } from '../../../../network/analyze.ts';
import type { NetworkDoc, NetworkEdge, Shape } from '../../../../network/types.ts';
import type { Weights } from '../../../../weights/index.ts';
import { commonPrefix } from '../naming.ts';
import { GraphView } from './graphView.ts';
import { findInceptionModules } from './inception.ts';
import { findResidualBlocks, type BlockMatch } from './residual.ts';

function shapesOf(doc: NetworkDoc): Map<string, Shape> {
  const a = analyzeNetwork(doc);
  const shapes = new Map<string, Shape>();
  for (const [id, n] of Object.entries(a.nodes)) if (n.outputShape) shapes.set(id, n.outputShape);
  return shapes;
}

function blockId(doc: NetworkDoc, m: BlockMatch, index: number): string {
  const members = [...m.members.keys()];
  const taken = new Set(doc.nodes.filter((n) => !m.members.has(n.id)).map((n) => n.id));
  const base = commonPrefix(members) || `${m.type === 'Inception' ? 'inception' : 'block'}${index}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  return id;
}

/** The design with `m`'s members replaced by one composite node `id`. */
function replace(doc: NetworkDoc, m: BlockMatch, id: string): NetworkDoc {
  const first = doc.nodes.findIndex((n) => m.members.has(n.id));
  const nodes = doc.nodes.filter((n) => !m.members.has(n.id));
  nodes.splice(first, 0, { id, type: m.type, params: m.params });
  const edges: NetworkEdge[] = [];
  for (const e of doc.edges) {
    const fromMember = m.members.has(e.source);
    const toMember = m.members.has(e.target);
    if (!fromMember && !toMember) edges.push(e);
    // Readers of the exit keep their place in the edge list (it is Add/Concat input order).
    else if (e.source === m.exit && !toMember) edges.push({ source: id, target: e.target });
  }
  edges.push({ source: m.input, target: id });
  return { ...doc, nodes, edges };
}

function renameWeights(weights: Weights, m: BlockMatch, id: string): Weights {
  const out: Weights = new Map();
  for (const [key, t] of weights) {
    const slash = key.lastIndexOf('/');
    const owner = key.slice(0, slash);
    const suffix = m.members.get(owner);
    out.set(suffix ? `${id}/${suffix}${key.slice(slash)}` : key, t);
  }
  return out;
}

const sameTotals = (a: NetworkDoc, b: NetworkDoc) => {
  const x = analyzeNetwork(a).totals;
  const y = analyzeNetwork(b).totals;
  return (
    x.trainableParams === y.trainableParams &&
    x.nonTrainableParams === y.nonTrainableParams &&
    x.macs === y.macs
  );
};

/**
 * Folds every exact ResidualBlock and Inception in `doc`, renaming their weights to the ids inside
 * the composite (`layer1.0/conv1/kernel`).
 */
export function foldBlocks(
  doc: NetworkDoc,
  weights: Weights,
): { doc: NetworkDoc; weights: Weights; notes: string[] } {
  const shapes = shapesOf(doc);
  const view = new GraphView(doc);
  const matches = [...findResidualBlocks(view, shapes), ...findInceptionModules(view)];
  let current = doc;
  let w = weights;
  const counts = new Map<string, number>();
  // A block's exit is gone once folded: the next block reads the composite instead.
  const renamed = new Map<string, string>();
  matches.forEach((found, i) => {
    const m = { ...found, input: renamed.get(found.input) ?? found.input };
    const id = blockId(current, m, i + 1);
    const next = replace(current, m, id);
    const nextShapes = shapesOf(next);
    if (nextShapes.get(id)?.join() !== shapes.get(m.exit)?.join() || !sameTotals(current, next))
      return;
    current = next;
    renamed.set(m.exit, id);
    w = renameWeights(w, m, id);
    counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  });
  const notes = [...counts].map(([type, n]) => `${n} ${type}${n === 1 ? '' : 's'}`);
  return { doc: current, weights: w, notes };
}
