/**
 * Fine-tuning in the app: after a run, *Continue from this run* makes its weights the design's,
 * the training form says what the next run starts from, and a fresh start can be chosen.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, screenshot } from './helpers/app.ts';
import {
  openTraining,
  setTrainingOptions,
  startTraining,
  waitForRunEnd,
} from './helpers/training.ts';
import { expect, test } from './helpers/test.ts';

test('Continue from this run: the next run starts from its weights, or fresh when asked', async ({
  page,
  appUrl,
  appServer,
}) => {
  test.setTimeout(240_000);
  await openApp(page, appUrl);
  const design = join(appServer.homeDir, 'shapes.netd.json');
  await page.getByTestId('cmd-save-as').click();
  await page.getByTestId('file-path').fill(design);
  await page.getByTestId('file-dialog-ok').click();
  await expect(page.getByTestId('file-dialog')).toBeHidden();

  await openTraining(page);
  await expect(page.getByTestId('start-weights')).toHaveCount(0);
  await setTrainingOptions(page, { limit: 64, testLimit: 32, epochs: 1, batchSize: 32 });
  await startTraining(page);
  expect(await waitForRunEnd(page)).toBe('done');

  await page.getByTestId('run-continue').click();
  await expect(page.getByTestId('run-continued')).toBeVisible();
  expect(existsSync(join(appServer.homeDir, 'shapes.weights.safetensors'))).toBe(true);
  const note = page.getByTestId('start-weights');
  await expect(note).toContainText(
    'Starts from weights: shapes.weights.safetensors (the weights of run',
  );
  await screenshot(page, 'continue-from-run');
  await page.getByTestId('fresh-start').check();
  await expect(note).toContainText('Fresh start — not from shapes.weights.safetensors');
});
