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

/** One composite to replace, with its expansion. */
interface Replacement {
  node: NetworkNode;
  exp: Expansion;
}

/** How far down the block's layers reach below its own position (layouts run top to bottom). */
function heightOf(exp: Expansion): number {
  let height = 0;
  for (const n of exp.nodes) if (n.dy > height) height = n.dy;
  return height;
}

/**
 * How far a node at `y` moves down: the heights of every expanded block strictly above it, found
 * by binary search over the blocks sorted by y (so many blocks stay O(n log b), not O(n·b)).
 */
function makeShift(replacements: readonly Replacement[]): (y: number) => number {
  const blocks = replacements
    .filter((r) => r.node.position)
    .map((r) => ({ y: r.node.position!.y, height: heightOf(r.exp) }))
    .sort((a, b) => a.y - b.y);
  const below = new Float64Array(blocks.length + 1); // below[k] = heights of blocks[0..k)
  for (let k = 0; k < blocks.length; k++) below[k + 1] = below[k]! + blocks[k]!.height;
  return (y) => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.y < y) lo = mid + 1;
      else hi = mid;
    }
    return below[lo]!;
  };
}

/**
 * Replaces every composite in `replacements` by its layers in one pass over nodes and edges, so
 * expanding thousands of blocks stays linear. Inner ids are made unique against every id in the
 * doc; downstream Add/Concat input order is preserved; nodes below a block move down to make room.
 */
function spliceAll(doc: NetworkDoc, replacements: readonly Replacement[]): NetworkDoc {
  const byId = new Map<string, Replacement>();
  for (const r of replacements) byId.set(r.node.id, r);
  const taken = new Set<string>();
  for (const n of doc.nodes) taken.add(n.id);
  const shift = makeShift(replacements);

  // Inner ids and exits, block by block in document order (the order ids are claimed in).
  const innerIds = new Map<string, Map<string, string>>();
  for (const { node, exp } of replacements) {
    taken.delete(node.id);
    const ids = new Map<string, string>();
    for (const n of exp.nodes) {
      const id = uniqueId(n.id, taken);
      taken.add(id);
      ids.set(n.id, id);
    }
    innerIds.set(node.id, ids);
  }
  const exitOf = (id: string): string => {
    const r = byId.get(id);
    return r ? innerIds.get(id)!.get(r.exp.exit)! : id;
  };

  const nodes: NetworkNode[] = [];
  for (const n of doc.nodes) {
    const r = byId.get(n.id);
    if (r && r.node === n) {
      const ids = innerIds.get(n.id)!;
      const origin = n.position;
      const down = origin ? shift(origin.y) : 0;
      for (const inner of r.exp.nodes)
        nodes.push({
          id: ids.get(inner.id)!,
          type: inner.type,
          params: { ...inner.params },
          // Freezing a block freezes every layer it stands for.
          ...(n.frozen ? { frozen: true } : {}),
          ...(origin
            ? { position: { x: origin.x + inner.dx, y: origin.y + down + inner.dy } }
            : {}),
        });
      continue;
    }
    const down = n.position ? shift(n.position.y) : 0;
    nodes.push(down > 0 ? { ...n, position: { x: n.position!.x, y: n.position!.y + down } } : n);
  }

  const internal = (r: Replacement, source: string | null, out: NetworkEdge[]): void => {
    const ids = innerIds.get(r.node.id)!;
    for (const e of r.exp.edges) {
      if (e.source === EXPANSION_INPUT) {
        if (source !== null) out.push({ source, target: ids.get(e.target)! });
      } else out.push({ source: ids.get(e.source)!, target: ids.get(e.target)! });
    }
  };
  const edges: NetworkEdge[] = [];
  const wired = new Set<string>();
  for (const e of doc.edges) {
    const r = byId.get(e.target);
    if (r) {
      // Internal edges go where the first incoming edge was, all together, so their relative
      // order (Add: main path first, shortcut second) survives; further inputs are dropped.
      if (!wired.has(e.target)) {
        wired.add(e.target);
        internal(r, exitOf(e.source), edges);
      }
      continue;
    }
    edges.push(byId.has(e.source) ? { source: exitOf(e.source), target: e.target } : e);
  }
  for (const r of replacements) if (!wired.has(r.node.id)) internal(r, null, edges);
  return { ...doc, nodes, edges };
}

/**
 * Replaces the composite node `nodeId` by its primitive nodes (ids `${nodeId}/…`), wired in place;
 * Add/Concat input order downstream is preserved.
 * @throws ExpandError when the node does not exist, is not composite or has invalid params.
 */
export function expandNode(doc: NetworkDoc, nodeId: string): NetworkDoc {
  // The first node with that id: the one analysis counts (a duplicate is an error there).
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
  return spliceAll(doc, [{ node, exp }]);
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
  const replacements: Replacement[] = [];
  const seen = new Set<string>();
  for (const node of composites) {
    // A duplicated id is an error analysis reports; only its first node counts.
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const exp = expansionOf(node, analysis.nodes[node.id]?.inputShapes[0] ?? null);
    if (typeof exp !== 'string') replacements.push({ node, exp });
  }
  return replacements.length === 0 ? doc : spliceAll(doc, replacements);
}
