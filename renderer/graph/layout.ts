/**
 * Automatic layered layout (see layered.ts), for templates, files without positions and the "Auto
 * layout" command: top→bottom or left→right, and wrapped into several columns (rows) when one
 * would be much longer than the screen is wide, so a 500-layer chain reads like a page of text.
 * Folded stages are laid out as one box each.
 */
import type { DiagramLayout, NetworkDoc, Position } from '../../main/network/types.ts';
import { layered } from './layered.ts';

/** Size of a node card on the canvas; the layout spaces nodes by it. */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 84;

/** Gap between ranks and between neighbours in a rank (canvas units). */
const RANK_GAP = 40;
const NODE_GAP = 36;
/** Gap between the columns (rows) of a wrapped layout: room for the wires that jump between them. */
const WRAP_GAP = 90;
/** A wrapped layout aims at this width:height, about a landscape canvas. */
const TARGET_ASPECT = 1.6;

/** The layout settings of a document, with the defaults of a file that has none. */
export interface LayoutSettings {
  direction: 'down' | 'right';
  wrap: boolean;
  folded: readonly string[];
}

/** `doc.layout` with defaults filled in: top→bottom, wrapped when long, nothing folded. */
export function layoutSettings(doc: NetworkDoc): LayoutSettings {
  const l: DiagramLayout = doc.layout ?? {};
  return { direction: l.direction ?? 'down', wrap: l.wrap ?? true, folded: l.folded ?? [] };
}

/** A group of nodes shown (and laid out) as one box: a folded stage. */
export interface FoldGroup {
  /** The stage name; its box is `stage:<name>`. */
  name: string;
  nodeIds: readonly string[];
}

/** The folded stages of `doc` among `stages` (those named in `doc.layout.folded`, of 2+ layers). */
export function foldedGroups(doc: NetworkDoc, stages: readonly FoldGroup[]): FoldGroup[] {
  const folded = new Set(layoutSettings(doc).folded);
  return stages.filter((s) => folded.has(s.name) && s.nodeIds.length > 1);
}

interface Placed {
  id: string;
  /** Centre along the rank axis (y when down) and across it. */
  along: number;
  across: number;
}

/**
 * Top-left positions for every node: a folded group's first node gets the group's box position,
 * its other nodes keep theirs (they are hidden and move with the box).
 */
export function computeLayout(
  doc: NetworkDoc,
  groups: readonly FoldGroup[] = [],
): Map<string, Position> {
  const { direction, wrap } = layoutSettings(doc);
  const down = direction === 'down';
  const rep = new Map<string, string>();
  for (const g of groups) for (const id of g.nodeIds) rep.set(id, g.nodeIds[0]!);
  const along = down ? NODE_HEIGHT : NODE_WIDTH;
  const across = down ? NODE_WIDTH : NODE_HEIGHT;
  const ids = new Set(doc.nodes.map((n) => n.id));
  const shown = doc.nodes.filter((n) => (rep.get(n.id) ?? n.id) === n.id);
  const edges: { source: string; target: string }[] = [];
  const seen = new Set<string>();
  for (const e of doc.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const s = rep.get(e.source) ?? e.source;
    const t = rep.get(e.target) ?? e.target;
    if (s === t || seen.has(`${s}\0${t}`)) continue;
    seen.add(`${s}\0${t}`);
    edges.push({ source: s, target: t });
  }
  const centres = layered({
    ids: shown.map((n) => n.id),
    edges,
    rankStep: along + RANK_GAP,
    slotStep: across + NODE_GAP,
  });
  const placed: Placed[] = [...centres].map(([id, c]) => ({ id, ...c }));
  const laid = wrap ? wrapLines(placed, along, across, down) : placed;
  const out = new Map<string, Position>();
  for (const p of laid) {
    // Centres; React Flow positions are top-left corners.
    const cx = down ? p.across : p.along;
    const cy = down ? p.along : p.across;
    out.set(p.id, { x: Math.round(cx - NODE_WIDTH / 2), y: Math.round(cy - NODE_HEIGHT / 2) });
  }
  return out;
}

/**
 * Cuts a long layered layout into lines (columns when going down, rows when going right) laid
 * side by side. Cuts go between ranks, preferably after a rank of a single node (a chain point,
 * where only one wire crosses), so few wires have to jump between lines.
 */
function wrapLines(placed: Placed[], along: number, across: number, down: boolean): Placed[] {
  if (placed.length < 8) return placed;
  const ranks = [...new Set(placed.map((p) => Math.round(p.along)))].sort((a, b) => a - b);
  // A loop, not Math.min(...spread): 100k+ arguments overflow the call stack.
  let minAcross = Infinity;
  let maxAcross = -Infinity;
  for (const p of placed) {
    minAcross = Math.min(minAcross, p.across - across / 2);
    maxAcross = Math.max(maxAcross, p.across + across / 2);
  }
  const breadth = maxAcross - minAcross + WRAP_GAP;
  const length = ranks[ranks.length - 1]! - ranks[0]! + along + RANK_GAP;
  // n lines of `length / n` each: down → width n·breadth, height length/n; right → transposed.
  const n = Math.max(
    1,
    Math.round(
      down
        ? Math.sqrt((TARGET_ASPECT * length) / breadth)
        : Math.sqrt(length / (TARGET_ASPECT * breadth)),
    ),
  );
  if (n < 2) return placed;
  const perRank = new Map<number, number>();
  for (const p of placed) {
    const r = Math.round(p.along);
    perRank.set(r, (perRank.get(r) ?? 0) + 1);
  }
  // Cut points: the start of the rank that begins each line (index into `ranks`).
  const starts = [0];
  const target = ranks.length / n;
  for (let k = 1; k < n; k++) {
    const ideal = Math.round(k * target);
    let best = ideal;
    // Look a few ranks either way for a rank right after a chain point.
    for (let d = 0; d <= Math.max(2, Math.round(target / 4)); d++) {
      const later = ideal + d;
      const earlier = ideal - d;
      if (later < ranks.length && perRank.get(ranks[later - 1]!) === 1) {
        best = later;
        break;
      }
      if (earlier > starts[starts.length - 1]! && perRank.get(ranks[earlier - 1]!) === 1) {
        best = earlier;
        break;
      }
    }
    if (best > starts[starts.length - 1]! && best < ranks.length) starts.push(best);
  }
  const rankIndex = new Map(ranks.map((r, i) => [r, i]));
  const lineOf = (along: number): number => {
    const r = rankIndex.get(Math.round(along)) ?? 0;
    let line = 0;
    for (let i = 0; i < starts.length; i++) if (r >= starts[i]!) line = i;
    return line;
  };
  // Each line is as broad as its own nodes; lines follow each other across the rank axis.
  const lines = starts.map(() => ({ min: Infinity, max: -Infinity }));
  const which = placed.map((p) => lineOf(p.along));
  placed.forEach((p, i) => {
    const l = lines[which[i]!]!;
    l.min = Math.min(l.min, p.across - across / 2);
    l.max = Math.max(l.max, p.across + across / 2);
  });
  const offsets: number[] = [];
  let at = minAcross;
  for (const l of lines) {
    offsets.push(at - l.min);
    at += l.max - l.min + WRAP_GAP;
  }
  return placed.map((p, i) => {
    const line = which[i]!;
    const start = ranks[starts[line]!]!;
    return { id: p.id, along: p.along - start + ranks[0]!, across: p.across + offsets[line]! };
  });
}

/**
 * The doc with every node laid out (`all`), or only nodes that have no position yet. `groups` are
 * the folded stages (each laid out as one box).
 */
export function layoutDoc(
  doc: NetworkDoc,
  mode: 'all' | 'missing',
  groups: readonly FoldGroup[] = [],
): NetworkDoc {
  if (mode === 'missing' && doc.nodes.every((n) => n.position)) return doc;
  const positions = computeLayout(doc, groups);
  // Hidden members of a folded group move with its box, keeping their places relative to it.
  const shift = new Map<string, Position>();
  for (const g of groups) {
    const first = doc.nodes.find((n) => n.id === g.nodeIds[0]);
    const to = positions.get(g.nodeIds[0]!);
    if (!first?.position || !to) continue;
    const d = { x: to.x - first.position.x, y: to.y - first.position.y };
    for (const id of g.nodeIds.slice(1)) shift.set(id, d);
  }
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (mode === 'missing' && n.position) return n;
      const p = positions.get(n.id);
      if (p) return { ...n, position: p };
      const d = shift.get(n.id);
      if (d && n.position)
        return { ...n, position: { x: n.position.x + d.x, y: n.position.y + d.y } };
      return n;
    }),
  };
}
