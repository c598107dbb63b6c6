// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputConv } from '../../main/network/testDocs.ts';
import { duplicateSelection, selectAll } from '../state/commands.ts';
import { undo, useDocStore } from '../state/docStore.ts';
import { useSelectionStore } from '../state/selectionStore.ts';
import { render, type Rendered } from '../testing/render.tsx';
import { Inspector } from './Inspector.tsx';

const CHAIN = inputConv('Chain');

describe('Inspector', () => {
  let view: Rendered;
  const heading = () => view.container.querySelector('h2')?.textContent;

  beforeEach(() => {
    useDocStore.getState().reset(CHAIN);
    useSelectionStore.getState().clear();
    view = render(<Inspector />);
  });
  afterEach(() => view.unmount());

  it('shows the network, not a vanished layer, after duplicating and undoing', () => {
    view.update(() => {
      useSelectionStore.getState().select(['conv1']);
      duplicateSelection();
    });
    expect(view.container.querySelector<HTMLInputElement>('#layer-id')?.value).toMatch(/^conv/);
    view.update(undo);
    expect(view.container.textContent).not.toContain('no longer exists');
    expect(heading()).toBe('Network');
    // Picking a layer afterwards shows that one layer, not "2 layers selected".
    view.update(() =>
      useSelectionStore.getState().patch([{ kind: 'node', id: 'in', selected: true }]),
    );
    expect(view.container.querySelector<HTMLInputElement>('#layer-id')?.value).toBe('in');
  });

  it('counts only the layers on the canvas after select all and undo', () => {
    view.update(() => {
      useSelectionStore.getState().select(['conv1']);
      duplicateSelection();
      selectAll();
    });
    expect(heading()).toBe('3 layers selected');
    view.update(undo);
    expect(heading()).toBe('2 layers selected');
  });

  it('clears to the network view when the selection is cleared (Escape, canvas click)', () => {
    view.update(() => useSelectionStore.getState().select(['conv1', 'in']));
    expect(heading()).toBe('2 layers selected');
    view.update(() => useSelectionStore.getState().clear());
    expect(heading()).toBe('Network');
  });
});
