import { beforeEach, describe, expect, it } from 'vitest';
import { inputConv } from '../../main/network/testDocs.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../graph/layout.ts';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  paste,
  pasteOffset,
  selectAll,
} from './commands.ts';
import { emptyDoc, redo, undo, useDocStore } from './docStore.ts';
import { useSelectionStore } from './selectionStore.ts';

const CHAIN = inputConv('Chain', { filters: 4 }, ['GlobalAvgPool2D', {}, 'gap']);

const selected = () => [...useSelectionStore.getState().nodes].sort();
const selectedEdges = () => [...useSelectionStore.getState().edges].sort();
const onCanvas = () =>
  useDocStore
    .getState()
    .doc.nodes.map((n) => n.id)
    .sort();

describe('selection follows the graph', () => {
  beforeEach(() => {
    useDocStore.getState().reset(CHAIN);
    useSelectionStore.getState().clear();
  });

  it('duplicate then undo leaves nothing selected that is gone', () => {
    useSelectionStore.getState().select(['conv1']);
    duplicateSelection();
    expect(selected()).toHaveLength(1);
    expect(selected()[0]).not.toBe('conv1');
    undo();
    expect(selected()).toEqual([]);
    // Picking a layer afterwards selects exactly that layer.
    useSelectionStore.getState().patch([{ kind: 'node', id: 'gap', selected: true }]);
    expect(selected()).toEqual(['gap']);
  });

  it('select all then undo selects only the layers still on the canvas', () => {
    useSelectionStore.getState().select(['conv1']);
    duplicateSelection();
    selectAll();
    expect(selected()).toHaveLength(4);
    undo();
    expect(selected()).toEqual(onCanvas());
    expect(selected()).toHaveLength(3);
    expect(selectedEdges()).toEqual(['conv1->gap', 'in->conv1']);
  });

  it('drops wires that undo removed and keeps the rest', () => {
    useSelectionStore.getState().select(['gap']);
    deleteSelection();
    useSelectionStore.getState().select([], ['in->conv1']);
    undo();
    useSelectionStore.getState().select([], ['in->conv1', 'conv1->gap']);
    redo();
    // The wire into the deleted layer is gone again; the other one stays selected.
    expect(selectedEdges()).toEqual(['in->conv1']);
  });

  it('loading another network clears a selection of layers it does not have', () => {
    useSelectionStore.getState().select(['conv1', 'gap']);
    useDocStore.getState().reset({ ...emptyDoc('Other'), nodes: [CHAIN.nodes[0]!] });
    expect(selected()).toEqual([]);
  });

  it('never selects an id that is not in the graph, and keeps folded stage boxes', () => {
    useSelectionStore.getState().select(['conv1', 'ghost', 'stage:conv']);
    expect(selected()).toEqual(['conv1', 'stage:conv']);
  });
});

describe('copy and paste', () => {
  beforeEach(() => {
    useDocStore.getState().reset(CHAIN);
    useSelectionStore.getState().clear();
  });

  const positionOf = (id: string) =>
    useDocStore.getState().doc.nodes.find((n) => n.id === id)?.position;

  it('pastes beside the copied card, and repeated pastes cascade from it', () => {
    useSelectionStore.getState().select(['conv1']);
    copySelection();
    const origin = positionOf('conv1')!;
    const pasted: { x: number; y: number }[] = [];
    for (let i = 0; i < 3; i++) {
      paste();
      pasted.push(positionOf(selected()[0]!)!);
    }
    const step = pasteOffset(1);
    // A visible offset: at least half a card in each direction.
    expect(step.x).toBeGreaterThanOrEqual(NODE_WIDTH / 2);
    expect(step.y).toBeGreaterThanOrEqual(NODE_HEIGHT / 2);
    expect(pasted).toEqual(
      [1, 2, 3].map((n) => ({ x: origin.x + step.x * n, y: origin.y + step.y * n })),
    );
  });
});
