/**
 * A fast layered layout for CNN graphs, linear in the size of the graph (dagre took seconds on a
 * 500-layer ResNet). Ranks are longest paths from the inputs; a layer sits across from its inputs:
 * in line with its only input, centred among the siblings it fans out with, and halfway between
 * the inputs of a merge — so a chain is one straight line, a residual block's projection runs
 * beside its main path, and an Inception module's branches spread evenly around its input.
 */

export interface LayeredInput {
  /** Node ids in file order (ties keep this order). */
  ids: readonly string[];
  /** Edges between ids; for merges, the first incoming edge is the main input. */
  edges: readonly { source: string; target: string }[];
  /** Distance between rank centres, and between neighbour centres in a rank. */
  rankStep: number;
  slotStep: number;
}

/** Centre of each node: `along` the flow (rank axis) and `across` it. */
export type LayeredPlacement = Map<string, { along: number; across: number }>;

/** Lays out `input`; every id gets a place, nodes on loops after everything they can follow. */
export function layered(input: LayeredInput): LayeredPlacement {
  const { ids, rankStep, slotStep } = input;
  const known = new Set(ids);
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of input.edges) {
    if (!known.has(e.source) || !known.has(e.target) || e.source === e.target) continue;
    preds.get(e.target)!.push(e.source);
    succs.get(e.source)!.push(e.target);
  }
  const order = topoOrder(ids, preds, succs);
  const rank = new Map<string, number>();
  for (const id of order) {
    let r = 0;
    for (const p of preds.get(id)!) {
      const pr = rank.get(p);
      if (pr !== undefined) r = Math.max(r, pr + 1);
    }
    rank.set(id, r);
  }
  const byRank: string[][] = [];
  for (const id of order) (byRank[rank.get(id)!] ??= []).push(id);
  // Rank by rank (every input of a layer is in an earlier rank, so already placed): the place a
  // layer wants, then the rank spread so neighbours are a slot apart around where they wanted.
  const across = new Map<string, number>();
  let nextRoot = 0;
  for (const row of byRank) {
    if (!row) continue;
    for (const id of row) {
      const ps = preds.get(id)!.filter((p) => across.has(p));
      let x: number;
      if (ps.length === 0) {
        x = nextRoot;
        nextRoot += slotStep;
      } else if (ps.length > 1) {
        x = ps.reduce((sum, p) => sum + across.get(p)!, 0) / ps.length;
      } else {
        const p = ps[0]!;
        const siblings = succs.get(p)!.filter((q) => rank.get(q) === rank.get(p)! + 1);
        const i = siblings.indexOf(id);
        x =
          across.get(p)! +
          (siblings.length > 1 && i >= 0 ? (i - (siblings.length - 1) / 2) * slotStep : 0);
      }
      across.set(id, x);
    }
    if (row.length < 2) continue;
    const sorted = [...row].sort((a, b) => across.get(a)! - across.get(b)!);
    const want = sorted.map((id) => across.get(id)!);
    const placed = [...want];
    for (let i = 1; i < placed.length; i++)
      placed[i] = Math.max(placed[i]!, placed[i - 1]! + slotStep);
    const shift =
      (want.reduce((sum, v) => sum + v, 0) - placed.reduce((sum, v) => sum + v, 0)) / placed.length;
    sorted.forEach((id, i) => across.set(id, placed[i]! + shift));
  }
  const out: LayeredPlacement = new Map();
  for (const id of ids)
    out.set(id, { along: (rank.get(id) ?? 0) * rankStep, across: across.get(id) ?? 0 });
  return out;
}

/** Kahn's order; nodes on loops follow in file order once nothing else is left. */
function topoOrder(
  ids: readonly string[],
  preds: ReadonlyMap<string, string[]>,
  succs: ReadonlyMap<string, string[]>,
): string[] {
  const indeg = new Map(ids.map((id) => [id, preds.get(id)!.length]));
  const queue = ids.filter((id) => indeg.get(id) === 0);
  const order: string[] = [];
  const done = new Set<string>();
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    order.push(id);
    done.add(id);
    for (const s of succs.get(id)!) {
      const d = indeg.get(s)! - 1;
      indeg.set(s, d);
      if (d === 0) queue.push(s);
    }
  }
  for (const id of ids) if (!done.has(id)) order.push(id);
  return order;
}
