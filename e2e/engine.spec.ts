/**
 * The training form's engine choice: it starts on Auto and says what Auto picked and why; PyTorch
 * chosen in the form trains through the same dashboard (progress, charts, test accuracy) as
 * TensorFlow.js, and with 2 processes (DDP) still gives one run and one set of curves. Skipped,
 * with the reason, where the host's Python has no usable torch.
 */
import { cpus } from 'node:os';
import { torchUnavailableReason } from '../main/training/pytorch/python.ts';
import { openApp, screenshot } from './helpers/app.ts';
import { expect, test } from './helpers/test.ts';
import {
  openTraining,
  setTrainingOptions,
  startTraining,
  waitForRunEnd,
} from './helpers/training.ts';

const noTorch = torchUnavailableReason();

test('trains on PyTorch when it is chosen in the form, and says so', async ({ page, appUrl }) => {
  test.skip(noTorch !== null, `no usable PyTorch on this host: ${noTorch}`);
  test.setTimeout(240_000);
  await openApp(page, appUrl);
  await openTraining(page, null);
  const panel = page.getByTestId('training-panel');
  const verdict = page.getByTestId('engine-verdict');
  // The host answers for Auto once it has probed Python: the engine and the reason, in words.
  await panel.getByRole('radio', { name: 'Auto' }).check();
  await expect(verdict).toContainText(/Trains on (PyTorch|TensorFlow\.js) — \S/, {
    timeout: 120_000,
  });
  await panel.getByRole('radio', { name: 'PyTorch' }).check();
  await expect(verdict).toContainText(/Trains on PyTorch — as chosen: torch \d/);
  await page.getByTestId('engine-section').scrollIntoViewIfNeeded();
  await screenshot(page, 'training-engine');

  await setTrainingOptions(page, { limit: 96, testLimit: 48, epochs: 1, batchSize: 16 });
  await startTraining(page);
  await expect(page.getByTestId('backend-badge')).toHaveText(/^pytorch-(cpu|cuda|mps) · /, {
    timeout: 120_000,
  });
  expect(await waitForRunEnd(page)).toBe('done');
  await expect(page.getByTestId('test-accuracy')).toHaveText(/^\d{1,3}\.\d %$/);
  await screenshot(page, 'training-engine-done');
});

test('starts on Auto; PyTorch offers Device and Processes, and 2 processes give one run', async ({
  page,
  appUrl,
}) => {
  test.skip(noTorch !== null, `no usable PyTorch on this host: ${noTorch}`);
  test.skip(cpus().length < 2, 'two CPU processes need two cores');
  test.setTimeout(240_000);
  await openApp(page, appUrl);
  await openTraining(page, null);
  const section = page.getByTestId('engine-section');
  await expect(section.getByRole('radio', { name: 'Auto' })).toBeChecked();
  const verdict = page.getByTestId('engine-verdict');
  await expect(verdict).toContainText(/Trains on (PyTorch|TensorFlow\.js) — \S/, {
    timeout: 120_000,
  });
  await section.getByRole('radio', { name: 'PyTorch' }).check();
  const device = section.getByLabel('Device');
  const processes = section.getByLabel('Processes');
  await expect(device).toBeVisible();
  // Only what torch found is offered: this host's devices, after Auto.
  const offered = await device
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
  expect(offered[0]).toBe('auto');
  expect(offered).toContain('cpu');
  await device.selectOption('cpu');
  // Too many processes are refused as `netd train --nproc` refuses them, and Train waits.
  await processes.fill(String(cpus().length + 1));
  await expect(section.getByText(/is more than the \d+ CPU cores here/)).toBeVisible();
  await expect(page.getByTestId('train-start')).toBeDisabled();
  await section.screenshot({ path: 'test-results/screenshots/training-engine-section-error.png' });
  await processes.fill('2');
  await expect(processes).not.toHaveAttribute('aria-invalid', 'true');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'training-engine-pytorch');
  await section.screenshot({ path: 'test-results/screenshots/training-engine-section.png' });

  await page.getByRole('tab', { name: 'History' }).click();
  const runs = page.getByTestId('run-item');
  const before = await runs.count();
  await setTrainingOptions(page, { limit: 96, testLimit: 48, epochs: 2, batchSize: 16 });
  await startTraining(page);
  await expect(page.getByTestId('backend-badge')).toHaveText(/^pytorch-cpu · /, {
    timeout: 120_000,
  });
  await expect(page.locator('.tr-backend-note')).toContainText('2 processes (DDP)');
  expect(await waitForRunEnd(page)).toBe('done');
  await page.getByRole('tab', { name: 'History' }).click();
  // One run in history with one set of epochs, whatever the number of processes.
  await expect(runs).toHaveCount(before + 1);
  await expect(runs.first()).toContainText(/· 2 ep · pytorch-cpu/);
  await screenshot(page, 'training-engine-ddp-done');
});
