/**
 * e2e steps for the training dashboard: open it, set options, press Train, follow the charts and
 * wait for the run to end — all on the dashboard's stable test ids and accessible labels.
 */
import { expect, type Page } from '@playwright/test';

/** Options a test may set, by the label of their field in the dashboard. */
export interface TrainingFormValues {
  epochs?: number;
  batchSize?: number;
  limit?: number;
  testLimit?: number;
  learningRate?: number;
  validationSplit?: number;
}

const LABELS: Record<keyof TrainingFormValues, string> = {
  epochs: 'Epochs',
  batchSize: 'Batch size',
  limit: 'Train limit',
  testLimit: 'Test limit',
  learningRate: 'Learning rate',
  validationSplit: 'Validation split',
};

interface ObservedWindow {
  document: {
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  };
  MutationObserver: new (callback: () => void) => {
    observe(
      target: unknown,
      options: { attributes: boolean; subtree: boolean; childList: boolean },
    ): void;
  };
  __netdChartPoints?: Record<string, number[]>;
}

/** The training form's engine choices, by their radio labels. */
export type EngineLabel = 'Auto' | 'PyTorch' | 'TensorFlow.js';

/**
 * Shows the training view and waits for the dashboard. The form starts on Auto, which trains on
 * PyTorch wherever the host has torch; `engine` (TensorFlow.js unless told) keeps a spec on the
 * engine it asserts whatever the host has. `null` leaves the form's own default.
 */
export async function openTraining(
  page: Page,
  engine: EngineLabel | null = 'TensorFlow.js',
): Promise<void> {
  await page.getByTestId('cmd-train').click();
  await expect(page.getByTestId('loss-chart')).toBeVisible();
  if (engine) await page.getByTestId('engine-section').getByRole('radio', { name: engine }).check();
}

/** Picks the data source by its radio label ('Synthetic shapes', 'Fashion-MNIST', 'Folder…'). */
export async function chooseData(page: Page, label: string): Promise<void> {
  await page.getByTestId('training-panel').getByRole('radio', { name: label }).check();
}

/** Fills option fields by their labels. */
export async function setTrainingOptions(page: Page, values: TrainingFormValues): Promise<void> {
  const panel = page.getByTestId('training-panel');
  for (const [key, value] of Object.entries(values) as [keyof TrainingFormValues, number][]) {
    await panel.getByLabel(LABELS[key], { exact: true }).fill(String(value));
  }
}

/** The number of points a chart currently draws (its `data-points`). */
export async function chartPoints(
  page: Page,
  testId: 'loss-chart' | 'accuracy-chart',
): Promise<number> {
  return Number((await page.getByTestId(testId).getAttribute('data-points')) ?? '0');
}

/**
 * Records every value a chart's point count takes from now on (a MutationObserver in the page), so
 * a test can check the chart grew during the run without sleeping or racing a fast backend.
 */
export async function recordChartPoints(page: Page, testId: string): Promise<void> {
  await page.evaluate((id) => {
    const w = globalThis as unknown as ObservedWindow;
    const seen: number[] = [];
    (w.__netdChartPoints ??= {})[id] = seen;
    const read = () => {
      const n = Number(
        w.document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-points') ?? '0',
      );
      if (seen[seen.length - 1] !== n) seen.push(n);
    };
    read();
    new w.MutationObserver(read).observe(w.document, {
      attributes: true,
      subtree: true,
      childList: true,
    });
  }, testId);
}

/** The values recorded by `recordChartPoints`, in order (consecutive repeats collapsed). */
export async function recordedChartPoints(page: Page, testId: string): Promise<number[]> {
  return page.evaluate(
    (id) => (globalThis as unknown as ObservedWindow).__netdChartPoints?.[id] ?? [],
    testId,
  );
}

/** Presses Train (which must be enabled) and waits until the run has started. */
export async function startTraining(page: Page): Promise<void> {
  const start = page.getByTestId('train-start');
  await expect(start).toBeEnabled();
  await start.click();
  await expect(page.getByTestId('train-stop')).toBeVisible();
}

/** Waits for the run shown in the progress bar to end; returns how it ended. */
export async function waitForRunEnd(page: Page, timeout = 120_000): Promise<string> {
  const progress = page.getByTestId('train-progress');
  await expect(progress).toHaveAttribute('data-status', /^(done|stopped|failed)$/, { timeout });
  return (await progress.getAttribute('data-status')) ?? '';
}
