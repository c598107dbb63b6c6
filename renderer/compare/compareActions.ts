/**
 * Opening the compare view: the current design against a file, the design before *Duplicate as
 * variant*, two files, or an example pair. Every number comes from the host (`network:compare`,
 * `network:analyze`); failures become a notification or a message in the view, never an exception.
 */
import type { NetworkDoc } from '../../main/network/types.ts';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { fileDialogs } from '../files/dialogs.ts';
import { loadDocument } from '../files/fileActions.ts';
import { useDocStore } from '../state/docStore.ts';
import { useFileStore } from '../state/fileStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import { memoryAssumptions } from '../training/options.ts';
import { useTrainingStore } from '../training/useTrainingStore.ts';
import { useCompareStore, type CompareSide, type ExampleText } from './compareStore.ts';

/** The design on the canvas as a compare side. */
export function currentSide(): CompareSide {
  return { doc: useDocStore.getState().doc, origin: 'current', path: useFileStore.getState().path };
}

/** Shows A against B and asks the host for their comparison and analyses. */
export async function compare(
  a: CompareSide,
  b: CompareSide,
  example: ExampleText | null = null,
): Promise<void> {
  const store = useCompareStore.getState();
  store.show(a, b, example);
  // The training form's batch size and optimizer: the memory figures are about the run being set up.
  const { batchSize, optimizer } = memoryAssumptions(useTrainingStore.getState().form);
  try {
    const [comparison, analysisA, analysisB] = await Promise.all([
      api.networkCompare({ a: a.doc, b: b.doc, batchSize, optimizer }),
      api.networkAnalyze({ doc: a.doc }),
      api.networkAnalyze({ doc: b.doc }),
    ]);
    // A newer request may have replaced this one while it ran.
    const now = useCompareStore.getState();
    if (now.a !== a || now.b !== b) return;
    now.setResult({ comparison, analysisA, analysisB });
  } catch (err) {
    useCompareStore.getState().setResult(null, errorMessage(err));
  }
}

/** Asks for a network file and reads it as a compare side; null when cancelled or unreadable. */
export async function pickFileSide(): Promise<CompareSide | null> {
  const path = await fileDialogs().openDialog();
  if (!path) return null;
  try {
    const opened = await api.filesOpen({ path });
    return { doc: opened.doc, origin: 'file', path: opened.path };
  } catch (err) {
    useUiStore.getState().notify(`Could not open ${path}: ${errorMessage(err)}`, 'error');
    return null;
  }
}

/** Compares the current design (A) with a file the user picks (B). */
export async function compareCurrentWithFile(): Promise<void> {
  const file = await pickFileSide();
  if (file) await compare(currentSide(), file);
}

/** Compares two files the user picks, one after the other. */
export async function compareTwoFiles(): Promise<void> {
  const a = await pickFileSide();
  if (!a) return;
  const b = await pickFileSide();
  if (b) await compare(a, b);
}

/** Compares the design before *Duplicate as variant* (A) with the variant on the canvas (B). */
export async function compareWithOriginal(): Promise<void> {
  const original = useCompareStore.getState().original;
  if (!original) {
    useUiStore
      .getState()
      .notify('Use “Duplicate as variant” first: it keeps the design to compare against.');
    return;
  }
  await compare(original, currentSide());
}

/**
 * Keeps the current design as the original and continues on an unsaved copy named "… (variant)",
 * so edits never overwrite the original's file; *Compare with original* then shows what changed.
 */
export function duplicateAsVariant(): void {
  const side = currentSide();
  useCompareStore.getState().setOriginal({ ...side, origin: 'original' });
  const variant: NetworkDoc = { ...side.doc, name: `${side.doc.name} (variant)` };
  loadDocument(variant, null);
  // Nothing of the variant is saved yet: mark it so, so closing or opening another file asks first.
  useFileStore.getState().markSaved(null, null);
  useUiStore
    .getState()
    .notify(`Editing a variant of “${side.doc.name}”. Compare → With original shows what changed.`);
}

/** Loads example `id` from the host and opens it in the compare view. */
export async function openExample(id: string): Promise<void> {
  try {
    const ex = await api.examplesLoad({ id });
    const a: CompareSide = { doc: ex.a, origin: 'example' };
    const b: CompareSide = { doc: ex.b, origin: 'example' };
    const text: ExampleText = {
      id: ex.id,
      title: ex.title,
      question: ex.question,
      explanation: ex.explanation,
    };
    useCompareStore.getState().show(a, b, text);
    const [analysisA, analysisB] = await Promise.all([
      api.networkAnalyze({ doc: a.doc }),
      api.networkAnalyze({ doc: b.doc }),
    ]);
    useCompareStore.getState().setResult({ comparison: ex.comparison, analysisA, analysisB });
  } catch (err) {
    useCompareStore.getState().setResult(null, errorMessage(err));
  }
}

/** Swaps A and B and compares again. */
export async function swapSides(): Promise<void> {
  const { a, b, example } = useCompareStore.getState();
  if (a && b) await compare(b, a, example && { ...example, explanation: '' });
}
