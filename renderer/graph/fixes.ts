/**
 * One-click repairs offered by the problems panel. The engine names the fix (`QuickFix`); this turns
 * it into a graph edit, keeping the input order of merge layers and making room on the canvas.
 */
import type { NetworkDoc, NetworkNode, QuickFix } from '../../main/network/types.ts';
import { nodeIds, uniqueId } from './ids.ts';
import { descendants, ROW_GAP, setParam, shiftDown, type Created } from './ops.ts';
import { freeSpot } from './placement.ts';

/** Applies a quick fix; returns the new doc and the ids of any inserted nodes. */
export function applyFix(doc: NetworkDoc, fix: QuickFix): Created {
  switch (fix.kind) {
    case 'set-param':
      return { doc: setParam(doc, fix.nodeId, fix.param, fix.value), ids: [] };
    case 'set-params':
      // One document change, so a single undo reverts the whole fix.
      return {
        doc: Object.entries(fix.params).reduce(
          (d, [param, value]) => setParam(d, fix.nodeId, param, value),
          doc,
        ),
        ids: [],
      };
    case 'insert-before':
      return insertBefore(doc, fix.nodeId, fix.layerType);
    case 'replace-layer':
      return replaceLayer(doc, fix.nodeId, fix.layerType);
    case 'insert-projection':
      return insertProjection(doc, fix.nodeId, fix.inputNodeId, fix.filters, fix.strides);
  }
}

/** Inserts a parameter-free layer between `nodeId` and all of its inputs. */
function insertBefore(doc: NetworkDoc, nodeId: string, layerType: string): Created {
  const target = doc.nodes.find((n) => n.id === nodeId);
  if (!target) return { doc, ids: [] };
  const id = uniqueId(nodeIds(doc), layerType);
  const at = target.position ?? { x: 0, y: 0 };
  // The inserted layer takes the target's place; the target and everything below it move down.
  const shifted = shiftDown(doc, descendants(doc, nodeId), ROW_GAP);
  const node: NetworkNode = { id, type: layerType, params: {}, position: { ...at } };
  const edges = shifted.edges.flatMap((e) =>
    e.target === nodeId ? [{ source: e.source, target: id }] : [e],
  );
  edges.push({ source: id, target: nodeId });
  return { doc: { ...shifted, nodes: [...shifted.nodes, node], edges }, ids: [id] };
}

/**
 * Puts a parameter-free layer of `layerType` in the place of `nodeId`: same position and wires, a
 * fresh id (the old one names the old layer type).
 */
function replaceLayer(doc: NetworkDoc, nodeId: string, layerType: string): Created {
  const old = doc.nodes.find((n) => n.id === nodeId);
  if (!old) return { doc, ids: [] };
  const id = uniqueId(nodeIds(doc), layerType);
  const node: NetworkNode = {
    id,
    type: layerType,
    params: {},
    ...(old.position ? { position: old.position } : {}),
  };
  const rename = (x: string) => (x === nodeId ? id : x);
  return {
    doc: {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === nodeId ? node : n)),
      edges: doc.edges.map((e) => ({ ...e, source: rename(e.source), target: rename(e.target) })),
    },
    ids: [id],
  };
}

/**
 * Inserts a 1×1 Conv2D projection on the edge `inputNodeId → addId`, in the same slot of the
 * edge list so the Add keeps its input order.
 */
function insertProjection(
  doc: NetworkDoc,
  addId: string,
  inputNodeId: string,
  filters: number,
  strides: number,
): Created {
  const index = doc.edges.findIndex((e) => e.source === inputNodeId && e.target === addId);
  if (index < 0) return { doc, ids: [] };
  const id = uniqueId(nodeIds(doc), 'Conv2D');
  const add = doc.nodes.find((n) => n.id === addId);
  const source = doc.nodes.find((n) => n.id === inputNodeId);
  const a = source?.position ?? { x: 0, y: 0 };
  const b = add?.position ?? { x: a.x, y: a.y + 2 * ROW_GAP };
  // One row below its input (so the wire runs downwards like every other) and beside whatever
  // already sits there; the Add and what follows it move down when there is no row to spare.
  const room = a.y + 2 * ROW_GAP - b.y;
  const spaced = room > 0 ? shiftDown(doc, descendants(doc, addId), room) : doc;
  const position = freeSpot(spaced, { x: a.x, y: a.y + ROW_GAP });
  const node: NetworkNode = {
    id,
    type: 'Conv2D',
    params: { filters, kernelSize: 1, strides, padding: 'valid', useBias: false },
    position,
    label: 'projection',
  };
  const edges = [...spaced.edges];
  edges.splice(index, 1, { source: id, target: addId });
  edges.push({ source: inputNodeId, target: id });
  return { doc: { ...spaced, nodes: [...spaced.nodes, node], edges }, ids: [id] };
}
