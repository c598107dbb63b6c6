import type { NetworkDoc } from '../main/network/types.ts';
import type { RunSummary } from '../main/training/types.ts';
import { api, openApp, screenshot, waitForAnalysis } from './helpers/app.ts';
import { loadTemplate } from './helpers/designer.ts';
import { expect, test } from './helpers/test.ts';
import {
  chartPoints,
  chooseData,
  openTraining,
  recordChartPoints,
  recordedChartPoints,
  setTrainingOptions,
  startTraining,
  waitForRunEnd,
} from './helpers/training.ts';

test('trains the first-start example on synthetic data and keeps the run in history', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(240_000);
  await openApp(page, appUrl);
  await openTraining(page);

  // The first-start example is built for the synthetic shapes; if it ever is not, adapting fixes it.
  const example = await api<NetworkDoc>(page, 'network:example');
  const classifier = example.nodes.filter((n) => n.type === 'Dense').at(-1);
  await expect(page.getByLabel('Data preview')).toContainText('Synthetic shapes');
  if (classifier?.params['units'] !== 4)
    await page.getByRole('button', { name: 'Adapt network to data' }).click();

  await setTrainingOptions(page, { limit: 200, testLimit: 100, epochs: 2, batchSize: 32 });
  const before = await api<RunSummary[]>(page, 'runs:list');
  await recordChartPoints(page, 'loss-chart');
  await startTraining(page);
  // Starting the trainer process and its backend can take long on a busy machine.
  await expect(page.getByTestId('backend-badge')).toHaveText(
    /^(tensorflow-gpu|tensorflow|wasm|cpu) · /,
    { timeout: 120_000 },
  );

  expect(await waitForRunEnd(page)).toBe('done');
  // The loss chart grew during the run: at least one intermediate state before the final one.
  const seen = (await recordedChartPoints(page, 'loss-chart')).filter((n) => n > 0);
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(await chartPoints(page, 'loss-chart')).toBeGreaterThan(0);
  expect(await chartPoints(page, 'accuracy-chart')).toBeGreaterThan(0);

  // The test accuracy shown is the one the run measured: a real percentage, the run store's value.
  const shown = (await page.getByTestId('test-accuracy').textContent()) ?? '';
  const percent = Number.parseFloat(shown);
  expect(shown).toMatch(/^\d{1,3}\.\d %$/);
  expect(percent).toBeGreaterThanOrEqual(0);
  expect(percent).toBeLessThanOrEqual(100);
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toBeVisible();
  for (const name of ['circle', 'square', 'triangle', 'cross'])
    await expect(matrix).toContainText(name);
  // The README's dashboard image is 1600×1000, so the charts and the matrix have room.
  await page.setViewportSize({ width: 1600, height: 1000 });
  await waitForAnalysis(page);
  await screenshot(page, 'training');
  const after = await api<RunSummary[]>(page, 'runs:list');
  const mine = after.find((r) => !before.some((b) => b.runId === r.runId));
  expect(mine?.status).toBe('done');
  expect(mine?.testAccuracy).not.toBeNull();
  expect(percent).toBeCloseTo((mine?.testAccuracy ?? Number.NaN) * 100, 1);

  // Export the trained model into a folder of the host's home.
  const panel = page.getByTestId('training-panel');
  await panel.getByLabel('Export model to').fill('exported-model');
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved to' })).toContainText(
    'exported-model',
  );

  await page.reload();
  await waitForAnalysis(page);
  await openTraining(page);
  await page.getByRole('tab', { name: 'History' }).click();
  const item = page.getByTestId('run-history').locator(`[data-run-id="${mine?.runId ?? ''}"]`);
  await expect(item).toHaveAttribute('data-status', 'done');

  // Reopening it shows its curves and confusion matrix again.
  await item.getByRole('button', { name: /^Open run/ }).click();
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  await expect.poll(() => chartPoints(page, 'loss-chart')).toBeGreaterThan(0);
});

test('check environment lists every backend and which one is used', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  await openTraining(page);
  await page.getByRole('button', { name: 'Check environment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Training environment' });
  await expect(dialog).toBeVisible();
  // Probing the backends loads each one; on a busy machine that takes a while.
  await expect(dialog.getByText('in use')).toHaveCount(1, { timeout: 120_000 });
  for (const name of ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']) {
    await expect(dialog.getByText(name, { exact: true })).toBeVisible();
  }
  await expect(dialog.getByText('in use')).toHaveCount(1);
  await expect(dialog).toContainText(/Training runs on (tensorflow-gpu|tensorflow|wasm|cpu)\./);
  // The engines: PyTorch's state here and what Auto picks, with its reason.
  const engines = dialog.getByTestId('environment-engines');
  await expect(engines.getByRole('listitem')).toContainText(/PyTorch.*(available|torch)/);
  await expect(engines).toContainText(/Auto trains on (PyTorch|TensorFlow\.js):/);
  await page.screenshot({ path: 'test-results/environment-dialog.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Stop ends a run and it is kept as stopped', async ({ page, appUrl }) => {
  test.setTimeout(240_000);
  await openApp(page, appUrl);
  await openTraining(page);
  // Long enough that it cannot finish on its own before Stop is pressed.
  await setTrainingOptions(page, { limit: 2000, testLimit: 100, epochs: 50, batchSize: 16 });
  const before = await api<RunSummary[]>(page, 'runs:list');
  await startTraining(page);
  await expect.poll(() => chartPoints(page, 'loss-chart'), { timeout: 120_000 }).toBeGreaterThan(0);
  await page.getByTestId('train-stop').click();
  expect(await waitForRunEnd(page)).toBe('stopped');
  await expect(page.getByTestId('train-start')).toBeVisible();
  // It says truthfully where it stopped and what the model trained so far scores; the bar is not full.
  const progress = page.getByTestId('train-progress');
  await expect(progress).toHaveAttribute(
    'aria-valuetext',
    /^Stopped after (\d+ of \d+ batches of epoch \d+|\d+ epochs?).* · test accuracy \d{1,3}\.\d %$/,
  );
  expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(100);

  const after = await api<RunSummary[]>(page, 'runs:list');
  const mine = after.find((r) => !before.some((b) => b.runId === r.runId));
  expect(mine?.status).toBe('stopped');
  await page.getByRole('tab', { name: 'History' }).click();
  const item = page.locator(`[data-testid="run-item"][data-run-id="${mine?.runId ?? ''}"]`);
  await expect(item).toHaveAttribute('data-status', 'stopped');

  // Deleting asks once more, then the run is gone from the list and from the run store.
  await item.getByRole('button', { name: /^Delete run/ }).click();
  await item.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(item).toHaveCount(0);
  const remaining = await api<RunSummary[]>(page, 'runs:list');
  expect(remaining.some((r) => r.runId === mine?.runId)).toBe(false);

  // Training state belongs to a network: another network starts with a clean dashboard.
  await page.getByTestId('view-designer').click();
  await loadTemplate(page, 'lenet5');
  await openTraining(page);
  await expect(progress).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('train-speed')).toHaveCount(0);
});

test('explains a data/network mismatch and adapts the network in one click', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  const example = await api<NetworkDoc>(page, 'network:example');
  const inputId = example.nodes.find((n) => n.type === 'Input')?.id ?? '';
  await openTraining(page);
  await chooseData(page, 'Fashion-MNIST');
  const panel = page.getByTestId('training-panel');
  await expect(panel.getByLabel('Data preview')).toContainText('28×28×1');
  const mismatch = panel
    .getByRole('status')
    .filter({ hasText: 'The data does not fit the network.' });
  await expect(mismatch).toContainText('1 channel (grayscale)');
  await expect(mismatch).toContainText('10 classes');
  await expect(page.getByTestId('train-start')).toBeDisabled();

  await mismatch.getByRole('button', { name: 'Adapt network to data' }).click();
  await expect(mismatch).toBeHidden();
  await expect(panel.getByText('Network adapted')).toBeVisible();
  await expect(page.getByTestId('train-start')).toBeEnabled();
  // The designer is a click away and shows the adapted network.
  await page.getByTestId('view-designer').click();
  await expect(page.locator(`.react-flow__node[data-id="${inputId}"]`)).toContainText('28×28×1');
});

test('a data folder is chosen with the folder browser and bad data is explained', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  await openTraining(page);
  await chooseData(page, 'Folder…');
  const panel = page.getByTestId('training-panel');
  await expect(page.getByTestId('train-start')).toBeDisabled();
  await panel.getByRole('button', { name: 'Browse…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a data folder' });
  await expect(dialog.getByRole('list', { name: 'Sub-folders' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Use this folder' }).click();
  await expect(dialog).toBeHidden();

  // The server's home folder holds no dataset: the host's message says so, and Train stays off.
  await expect(panel.getByLabel('Data folder')).not.toHaveValue('');
  await expect(panel.getByRole('alert')).toContainText('holds no data NetDesigner recognises');
  await expect(panel.getByRole('alert')).toContainText(
    'one sub-folder of PNG/JPEG images per class',
  );
  await expect(page.getByTestId('train-start')).toBeDisabled();
});
