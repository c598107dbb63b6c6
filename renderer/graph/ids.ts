/** Readable, unique node ids ("conv3", "pool1") and stable edge ids for the canvas. */
import type { NetworkDoc, NetworkEdge } from '../../main/network/types.ts';

const PREFIX: Record<string, string> = {
  Input: 'input',
  Conv2D: 'conv',
  MaxPool2D: 'pool',
  AvgPool2D: 'avgpool',
  GlobalAvgPool2D: 'gap',
  GlobalMaxPool2D: 'gmp',
  Flatten: 'flatten',
  Dense: 'fc',
  BatchNorm: 'bn',
  Activation: 'act',
  Dropout: 'drop',
  LRN: 'lrn',
  Add: 'add',
  Concat: 'concat',
  Inception: 'inception',
  ResidualBlock: 'res',
};

/** The id prefix used for new nodes of a layer type. */
export function idPrefix(type: string): string {
  return PREFIX[type] ?? type.toLowerCase();
}

/** The first free id `<prefix><n>` among `taken`, starting at 1. */
export function uniqueId(taken: ReadonlySet<string>, type: string): string {
  const prefix = idPrefix(type);
  for (let n = 1; ; n += 1) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A free id derived from `wanted` (itself, else `wanted_2`, `wanted_3` …). */
export function freeId(taken: ReadonlySet<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  const base = wanted.replace(/_\d+$/, '');
  for (let n = 2; ; n += 1) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** The set of node ids of a doc. */
export function nodeIds(doc: NetworkDoc): Set<string> {
  return new Set(doc.nodes.map((n) => n.id));
}

/**
 * Canvas ids of the edges, index-aligned with `doc.edges`: `a->b`, with `#2`, `#3` … for repeats, so
 * ids stay stable while unrelated edges are added or removed.
 */
export function edgeIds(edges: readonly NetworkEdge[]): string[] {
  const seen = new Map<string, number>();
  return edges.map((e) => {
    const key = `${e.source}->${e.target}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  });
}

/** True when `id` is a usable node id: non-empty, no spaces or arrows, at most 64 characters. */
export function isValidNodeId(id: string): boolean {
  return /^[A-Za-z0-9_.:-]{1,64}$/.test(id) && !id.includes('->');
}
