/**
 * Which tensors a design has: one entry per weight of every primitive layer after composite
 * expansion, in the channels-last layouts tfjs uses (Conv2D kernel `[kh, kw, cin, filters]`, Dense
 * kernel `[in, units]`, BatchNorm gamma/beta/moving_mean/moving_variance `[C]`). Both engines, the
 * sidecar check and the exporters read weights through this one list.
 */
import { analyzeNetwork } from '../network/analyze.ts';
import { expandComposites } from '../network/expand.ts';
import type { NetworkDoc, Shape } from '../network/types.ts';
import { getLayerDef } from '../network/catalog/registry.ts';
import type { WeightName, WeightSpec } from './types.ts';

/** Tensor name of a weight of a (primitive) node. */
export function weightKey(nodeId: string, weight: WeightName): string {
  return `${nodeId}/${weight}`;
}

/** A kernel size as the catalog stores it (`n` or `[kh, kw]`) as `[kh, kw]`. */
function window(v: unknown): [number, number] {
  return Array.isArray(v) ? [Number(v[0]), Number(v[1])] : [Number(v), Number(v)];
}

/**
 * The top-level node an expanded id belongs to: itself when the design has it, else the longest
 * `a/b` prefix that is a node of the design (a composite), else the id itself.
 */
function designNodeOf(id: string, designIds: ReadonlySet<string>): string {
  if (designIds.has(id)) return id;
  for (let cut = id.lastIndexOf('/'); cut > 0; cut = id.lastIndexOf('/', cut - 1)) {
    const prefix = id.slice(0, cut);
    if (designIds.has(prefix)) return prefix;
  }
  return id;
}

/**
 * Every weight tensor the design expects, in topological order. Nodes whose input shape is
 * unknown (the design has an error upstream) contribute nothing: there is nothing to check them
 * against until the design is valid.
 */
export function expectedWeights(doc: NetworkDoc): WeightSpec[] {
  const flat = expandComposites(doc);
  const analysis = analyzeNetwork(flat);
  const byId = new Map(flat.nodes.map((n) => [n.id, n]));
  const designIds = new Set(doc.nodes.map((n) => n.id));
  const specs: WeightSpec[] = [];
  for (const id of analysis.order) {
    const node = byId.get(id);
    const a = analysis.nodes[id];
    const input: Shape | null | undefined = a?.inputShapes[0];
    if (!node || !a || !input || a.outputShape === null) continue;
    const base = {
      nodeId: id,
      designNodeId: designNodeOf(id, designIds),
      frozen: node.frozen === true,
    };
    const add = (weight: WeightName, shape: number[], trainable = true): void => {
      specs.push({ ...base, name: weightKey(id, weight), weight, shape, trainable });
    };
    // Valid nodes only (an output shape was computed), so the catalog's values are checked ones.
    const p = getLayerDef(node.type)?.resolveAll(node.params ?? {}) ?? {};
    if (node.type === 'Conv2D') {
      const [kh, kw] = window(p.kernelSize);
      const filters = Number(p.filters);
      add('kernel', [kh, kw, input[input.length - 1]!, filters]);
      if (p.useBias !== false) add('bias', [filters]);
    } else if (node.type === 'Dense') {
      const units = Number(p.units);
      add('kernel', [input[0]!, units]);
      if (p.useBias !== false) add('bias', [units]);
    } else if (node.type === 'BatchNorm') {
      const c = input[input.length - 1]!;
      add('gamma', [c]);
      add('beta', [c]);
      add('moving_mean', [c], false);
      add('moving_variance', [c], false);
    }
  }
  return specs;
}
