/**
 * Pure edits of a network document. Every durable edit the designer makes is one of these functions,
 * so the store can record it as one undo step and tests can check it without a DOM.
 */
import type { NetworkDoc, NetworkEdge, NetworkNode, Position } from '../../main/network/types.ts';
import { edgeIds, freeId, nodeIds, uniqueId } from './ids.ts';

/** Vertical distance between a node and one inserted below it. */
export const ROW_GAP = 120;

/** Result of an edit that creates nodes: the new doc and the ids of the created nodes. */
export interface Created {
  doc: NetworkDoc;
  ids: string[];
}

/**
 * Adds a node of `type` at `position`; when `after` names a node, connects it after that node
 * (`after → new`). Returns the new doc and the new node's id.
 */
export function addNode(
  doc: NetworkDoc,
  type: string,
  params: Record<string, unknown>,
  position: Position,
  after?: string,
): Created {
  const id = uniqueId(nodeIds(doc), type);
  const node: NetworkNode = { id, type, params: { ...params }, position: { ...position } };
  const edges =
    after && doc.nodes.some((n) => n.id === after)
      ? [...doc.edges, { source: after, target: id }]
      : doc.edges;
  return { doc: { ...doc, nodes: [...doc.nodes, node], edges }, ids: [id] };
}

/**
 * Adds a node of `type` right after `after`, one row below it. When `after` feeds exactly one
 * layer the new node is spliced into that wire (`after → new → next`, in the same slot of the edge
 * list so a merge keeps its input order) and everything downstream moves down a row; otherwise
 * (a branch point or the last layer) it is simply wired after `after`.
 */
export function insertAfter(
  doc: NetworkDoc,
  type: string,
  params: Record<string, unknown>,
  after: string,
): Created {
  const prev = doc.nodes.find((n) => n.id === after);
  if (!prev) return { doc, ids: [] };
  const at = prev.position ?? { x: 0, y: 0 };
  const out = doc.edges.filter((e) => e.source === after);
  const position = { x: at.x, y: at.y + ROW_GAP };
  if (out.length !== 1) return addNode(doc, type, params, position, after);
  const next = out[0]!.target;
  const shifted = shiftDown(doc, descendants(doc, next), ROW_GAP);
  const id = uniqueId(nodeIds(doc), type);
  const node: NetworkNode = { id, type, params: { ...params }, position };
  // The old wire becomes two in its own slot, so `next` keeps the order of its inputs.
  const edges = shifted.edges.flatMap((e): NetworkEdge[] =>
    e.source === after && e.target === next
      ? [
          { source: after, target: id },
          { source: id, target: next },
        ]
      : [e],
  );
  return { doc: { ...shifted, nodes: [...shifted.nodes, node], edges }, ids: [id] };
}

/** Removes nodes (with their edges) and edges (by canvas edge id). */
export function removeElements(
  doc: NetworkDoc,
  nodes: ReadonlySet<string>,
  edges: ReadonlySet<string>,
): NetworkDoc {
  if (nodes.size === 0 && edges.size === 0) return doc;
  const ids = edgeIds(doc.edges);
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
    edges: doc.edges.filter(
      (e, i) => !edges.has(ids[i] ?? '') && !nodes.has(e.source) && !nodes.has(e.target),
    ),
  };
}

/**
 * Appends `value` to the list at `key` in place. Copying the list per edge (or spreading it into
 * `push`) is quadratic, and overflows the stack, on a layer with many thousands of outputs.
 */
function appendTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** True when adding `source → target` would close a cycle (target already reaches source). */
export function wouldCreateCycle(
  edges: readonly NetworkEdge[],
  source: string,
  target: string,
): boolean {
  if (source === target) return true;
  const out = new Map<string, string[]>();
  for (const e of edges) appendTo(out, e.source, e.target);
  const stack = [target];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === source) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of out.get(id) ?? []) stack.push(next);
  }
  return false;
}

/** Why a connection cannot be made, or null when it can. */
export function connectionProblem(doc: NetworkDoc, source: string, target: string): string | null {
  if (source === target) return 'A layer cannot feed itself.';
  if (doc.edges.some((e) => e.source === source && e.target === target))
    return 'These layers are already connected.';
  const targetNode = doc.nodes.find((n) => n.id === target);
  if (targetNode?.type === 'Input') return 'An Input layer has no inputs.';
  if (wouldCreateCycle(doc.edges, source, target)) return 'That connection would make a cycle.';
  return null;
}

/**
 * The layer whose wire into `target` a new `source → target` wire would replace: `target` takes
 * one input (`maxInputs` 1) and already has one. Null when nothing would be replaced.
 */
export function replacedInput(
  doc: NetworkDoc,
  source: string,
  target: string,
  maxInputs: number,
): string | null {
  if (maxInputs > 1 || connectionProblem(doc, source, target) !== null) return null;
  return doc.edges.find((e) => e.target === target)?.source ?? null;
}

/**
 * Connects `source → target`. A target that takes one input (`maxInputs` 1) has its previous input
 * replaced, which is what a user dragging a new wire into it means; merge layers gain an input.
 */
export function connect(
  doc: NetworkDoc,
  source: string,
  target: string,
  maxInputs: number,
): NetworkDoc {
  if (connectionProblem(doc, source, target) !== null) return doc;
  const incoming = doc.edges.filter((e) => e.target === target);
  let edges = doc.edges;
  if (maxInputs <= 1 && incoming.length > 0) edges = edges.filter((e) => e.target !== target);
  return { ...doc, edges: [...edges, { source, target }] };
}

/** Sets one param; `undefined` removes it so the layer's default applies. */
export function setParam(
  doc: NetworkDoc,
  nodeId: string,
  name: string,
  value: unknown,
): NetworkDoc {
  return mapNode(doc, nodeId, (n) => {
    const params = { ...n.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    return { ...n, params };
  });
}

/** Sets or clears (empty string) a node's display label. */
export function setLabel(doc: NetworkDoc, nodeId: string, label: string): NetworkDoc {
  return mapNode(doc, nodeId, (n) => {
    const next = { ...n };
    if (label.trim() === '') delete next.label;
    else next.label = label;
    return next;
  });
}

/** Renames a node and rewires its edges; returns the doc unchanged when `newId` is taken. */
export function renameNode(doc: NetworkDoc, oldId: string, newId: string): NetworkDoc {
  if (oldId === newId || doc.nodes.some((n) => n.id === newId)) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === oldId ? { ...n, id: newId } : n)),
    edges: doc.edges.map((e) =>
      e.source === oldId || e.target === oldId
        ? {
            source: e.source === oldId ? newId : e.source,
            target: e.target === oldId ? newId : e.target,
          }
        : e,
    ),
  };
}

/** Moves nodes to new positions (drag end, layout); nodes not named keep theirs. */
export function moveNodes(doc: NetworkDoc, positions: ReadonlyMap<string, Position>): NetworkDoc {
  if (positions.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const p = positions.get(n.id);
      return p && (p.x !== n.position?.x || p.y !== n.position?.y)
        ? { ...n, position: { x: p.x, y: p.y } }
        : n;
    }),
  };
}

/**
 * Moves the `index`-th input of a merge node (Add/Concat) one place earlier (`delta` -1) or later
 * (+1). The input order is the order of the incoming edges in `doc.edges`, so two edges swap places.
 */
export function moveInput(
  doc: NetworkDoc,
  target: string,
  index: number,
  delta: -1 | 1,
): NetworkDoc {
  const positions = doc.edges.flatMap((e, i) => (e.target === target ? [i] : []));
  const a = positions[index];
  const b = positions[index + delta];
  if (a === undefined || b === undefined) return doc;
  const edges = [...doc.edges];
  [edges[a], edges[b]] = [edges[b] as NetworkEdge, edges[a] as NetworkEdge];
  return { ...doc, edges };
}

/** Replaces one node by applying `fn` to it. */
export function mapNode(
  doc: NetworkDoc,
  nodeId: string,
  fn: (n: NetworkNode) => NetworkNode,
): NetworkDoc {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== nodeId) return n;
    changed = true;
    return fn(n);
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Nodes and the edges among them, as copied to the clipboard. */
export interface Fragment {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** The selected nodes and the edges between them. */
export function copyFragment(doc: NetworkDoc, ids: ReadonlySet<string>): Fragment {
  return {
    nodes: doc.nodes.filter((n) => ids.has(n.id)).map((n) => structuredClone(n)),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e })),
  };
}

/** Pastes a fragment with fresh ids, shifted by `offset`; returns the ids of the pasted nodes. */
export function pasteFragment(doc: NetworkDoc, fragment: Fragment, offset: Position): Created {
  const taken = nodeIds(doc);
  const rename = new Map<string, string>();
  const nodes = fragment.nodes.map((n) => {
    const id = uniqueId(taken, n.type);
    taken.add(id);
    rename.set(n.id, id);
    const pos = n.position ?? { x: 0, y: 0 };
    return { ...structuredClone(n), id, position: { x: pos.x + offset.x, y: pos.y + offset.y } };
  });
  const edges = fragment.edges.flatMap((e) => {
    const source = rename.get(e.source);
    const target = rename.get(e.target);
    return source && target ? [{ source, target }] : [];
  });
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    ids: nodes.map((n) => n.id),
  };
}

/** Ids of `start` and every node downstream of it. */
export function descendants(doc: NetworkDoc, start: string): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of doc.edges) appendTo(out, e.source, e.target);
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of out.get(id) ?? []) stack.push(next);
  }
  return seen;
}

/** Shifts `ids` down by `dy` (making room for an inserted node). */
export function shiftDown(doc: NetworkDoc, ids: ReadonlySet<string>, dy: number): NetworkDoc {
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      ids.has(n.id) && n.position
        ? { ...n, position: { x: n.position.x, y: n.position.y + dy } }
        : n,
    ),
  };
}

export { freeId };
