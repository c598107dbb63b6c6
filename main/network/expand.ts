/**
 * Replacing composite nodes (Inception, ResidualBlock) by the primitive graph they stand for. The
 * trainer compiles `expandComposites(doc)`, and analysis counts a composite through the very same
 * expansion, so the numbers shown are the numbers trained.
 */
import { analyzeNetwork } from './analyze.ts';
import { EXPANSION_INPUT } from './catalog/composite.ts';
import type { Expansion } from './catalog/layerDef.ts';
import { getLayerDef } from './catalog/registry.ts';
import type { NetworkDoc, NetworkEdge, NetworkNode, Shape } from './types.ts';

/** Thrown by `expandNode` when the node cannot be expanded (not found, not composite, invalid). */
export class ExpandError extends Error {
  override name = 'ExpandError';
}

function uniqueId(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted)) return wanted;
  let n = 2;
  while (taken.has(`${wanted}~${n}`)) n++;
  return `${wanted}~${n}`;
}

/** The composite's expansion, or a reason why it has none. */
function expansionOf(node: NetworkNode, input: Shape | null): Expansion | string {
  const def = getLayerDef(node.type);
  if (!def) return `unknown layer type '${node.type}'`;
  if (!def.composite) return `${node.type} is not a composite block`;
  const values = def.resolve(node.params ?? {});
  const problems = def.check(node.params ?? {}, values, { id: node.id, name: node.id });
  const blocking = problems.find((p) => p.code !== 'unknown-param');
  if (blocking) return `its params are invalid (${blocking.message})`;
  return def.expand(values, node.id, input) ?? 'no expansion';
}

/** Splices one expansion into the doc in place of `node`, preserving downstream input order. */
function splice(doc: NetworkDoc, node: NetworkNode, exp: Expansion): NetworkDoc {
  const taken = new Set(doc.nodes.map((n) => n.id));
  taken.delete(node.id);
  const ids = new Map<string, string>();
  for (const n of exp.nodes) {
    const id = uniqueId(n.id, taken);
    taken.add(id);
    ids.set(n.id, id);
  }
  const origin = node.position;
  const height = Math.max(0, ...exp.nodes.map((n) => n.dy));
  const inner: NetworkNode[] = exp.nodes.map((n) => ({
    id: ids.get(n.id)!,
    type: n.type,
    params: { ...n.params },
    // Freezing a block freezes every layer it stands for.
    ...(node.frozen ? { frozen: true } : {}),
    ...(origin ? { position: { x: origin.x + n.dx, y: origin.y + n.dy } } : {}),
  }));
  const nodes: NetworkNode[] = [];
  let replaced = false;
  for (const n of doc.nodes) {
    if (n.id === node.id && !replaced) {
      nodes.push(...inner);
      replaced = true;
      continue;
    }
    // Make room below the block (layouts run top to bottom).
    if (origin && n.position && n.position.y > origin.y)
      nodes.push({ ...n, position: { x: n.position.x, y: n.position.y + height } });
    else nodes.push(n);
  }
  const incoming = doc.edges.find((e) => e.target === node.id);
  const internal = (source: string | null): NetworkEdge[] =>
    exp.edges.flatMap((e) => {
      if (e.source === EXPANSION_INPUT)
        return source === null ? [] : [{ source, target: ids.get(e.target)! }];
      return [{ source: ids.get(e.source)!, target: ids.get(e.target)! }];
    });
  const edges: NetworkEdge[] = [];
  let placed = false;
  for (const e of doc.edges) {
    if (e.target === node.id) {
      // Internal edges go where the incoming edge was, all together, so their relative
      // order (Add: main path first, shortcut second) survives.
      if (e === incoming) {
        edges.push(...internal(e.source));
        placed = true;
      }
      continue;
    }
    edges.push(e.source === node.id ? { source: ids.get(exp.exit)!, target: e.target } : e);
  }
  if (!placed) edges.push(...internal(null));
  return { ...doc, nodes, edges };
}

/**
 * Replaces the composite node `nodeId` by its primitive nodes (ids `${nodeId}/…`), wired in place;
 * Add/Concat input order downstream is preserved.
 * @throws ExpandError when the node does not exist, is not composite or has invalid params.
 */
export function expandNode(doc: NetworkDoc, nodeId: string): NetworkDoc {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) throw new ExpandError(`Cannot expand '${nodeId}': there is no such node`);
  const incoming = doc.edges.filter((e) => e.target === nodeId).length;
  if (incoming > 1)
    throw new ExpandError(
      `Cannot expand ${node.type} '${nodeId}': it has ${incoming} inputs; a block takes exactly one`,
    );
  const inputShape = analyzeNetwork(doc).nodes[nodeId]?.inputShapes[0] ?? null;
  const exp = expansionOf(node, inputShape);
  if (typeof exp === 'string')
    throw new ExpandError(`Cannot expand ${node.type} '${nodeId}': ${exp}`);
  return splice(doc, node, exp);
}

/**
 * Expands every composite node into primitives (Conv2D, BatchNorm, Activation, MaxPool2D, Concat,
 * Add) exactly as DESIGN.md defines the blocks. Composites whose params are invalid are left as
 * they are (analysis reports them). Returns `doc` itself when there is nothing to expand.
 */
export function expandComposites(doc: NetworkDoc): NetworkDoc {
  const composites = doc.nodes.filter((n) => getLayerDef(n.type)?.composite);
  if (composites.length === 0) return doc;
  // One analysis up front: a residual block's shortcut depends on its input shape, and expanding
  // a block never changes any other node's shape.
  const analysis = analyzeNetwork(doc);
  let out = doc;
  for (const original of composites) {
    const exp = expansionOf(original, analysis.nodes[original.id]?.inputShapes[0] ?? null);
    // Earlier splices may have moved this node down; splice the current copy.
    const node = out.nodes.find((n) => n.id === original.id) ?? original;
    if (typeof exp !== 'string') out = splice(out, node, exp);
  }
  return out;
}
