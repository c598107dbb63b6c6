/**
 * The current network, for other parts of the renderer (the training dashboard): read it and
 * replace it as one undoable edit (used by "adapt to data").
 */
import type { NetworkDoc } from '../../main/network/types.ts';
import { useDocStore } from './docStore.ts';
import { layoutDoc } from '../graph/layout.ts';
import { useUiStore } from './uiStore.ts';

/** The current network document, outside React. */
export function getCurrentDoc(): NetworkDoc {
  return useDocStore.getState().doc;
}

/**
 * Replaces the current network as one undoable edit. `layout` lays out every node again (otherwise
 * only nodes without a position); `fit` shows the result the way an opened file is shown (all of it
 * when that stays readable, else its start at a readable zoom).
 */
export function replaceCurrentDoc(
  doc: NetworkDoc,
  opts: { layout?: boolean; fit?: boolean } = {},
): void {
  useDocStore.getState().replace(layoutDoc(doc, opts.layout ? 'all' : 'missing'));
  if (opts.fit) useUiStore.getState().requestFit('start');
}
