// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../main/network/analyze.ts';
import { bnNet } from '../../main/network/testDocs.ts';
import { estimateTrainingMemory } from '../../main/network/trainingMemory.ts';
import { formatBytes } from '../graph/format.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { useDocStore } from '../state/docStore.ts';
import { render, type Rendered } from '../testing/render.tsx';
import { DEFAULT_OPTIONS_FORM } from '../training/options.ts';
import { useTrainingStore } from '../training/useTrainingStore.ts';
import { SummaryBar } from './SummaryBar.tsx';

const DOC = bnNet({ shape: [32, 32, 3], classes: 10 });
const ANALYSIS = analyzeNetwork(DOC);

/** The estimate the summary bar should show for a batch size and optimizer. */
const expected = (batch: number, optimizer: 'adam' | 'sgd'): string =>
  `≈ ${formatBytes(estimateTrainingMemory(ANALYSIS.totals, batch, optimizer).total)}`;

describe('SummaryBar training-memory estimate', () => {
  let view: Rendered;
  const shown = () => view.container.querySelector('[data-testid="training-memory"]')?.textContent;
  const menu = (label: string) =>
    view.container.querySelector<HTMLSelectElement>(`select[aria-label^="${label}"]`)!;

  beforeEach(() => {
    useDocStore.getState().reset(DOC);
    useAnalysisStore.setState({ analysis: ANALYSIS });
    useTrainingStore.setState({ form: { ...DEFAULT_OPTIONS_FORM } });
    view = render(<SummaryBar />);
  });
  afterEach(() => view.unmount());

  it('assumes the batch size and optimizer set in the training form', () => {
    view.update(() => {
      useTrainingStore.getState().setOption('batchSize', '100');
      useTrainingStore.getState().setOption('optimizer', 'sgd');
    });
    expect(shown()).toBe(expected(100, 'sgd'));
    expect(menu('Batch size').value).toBe('100');
    expect(menu('Optimizer').value).toBe('sgd');
  });

  it('sets the training form when its menus change', () => {
    const batch = menu('Batch size');
    view.update(() => {
      batch.value = '128';
      batch.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(useTrainingStore.getState().form.batchSize).toBe('128');
    expect(shown()).toBe(expected(128, DEFAULT_OPTIONS_FORM.optimizer));
  });

  it('keeps the default while the form holds a batch size that is not valid yet', () => {
    view.update(() => useTrainingStore.getState().setOption('batchSize', '0'));
    expect(shown()).toBe(expected(32, DEFAULT_OPTIONS_FORM.optimizer));
  });
});
