/**
 * The training form's engine choice: PyTorch chosen in the form trains through the same dashboard
 * (progress, charts, test accuracy) as TensorFlow.js. Skipped, with the reason, where the host's
 * Python has no usable torch.
 */
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
  await openTraining(page);
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
