/**
 * Fine-tuning in the designer: freeze a block from the inspector and see the counts say how many
 * parameters will not train.
 */
import { openApp, screenshot, waitForAnalysis } from './helpers/app.ts';
import { loadTemplate } from './helpers/designer.ts';
import { expect, test } from './helpers/test.ts';

test('freezing a residual block from the inspector counts its parameters as frozen', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  await loadTemplate(page, 'resnet18');
  await expect(page.getByTestId('total-frozen-params')).toHaveCount(0);
  await page
    .locator('.react-flow__node')
    .filter({ hasText: 'ResidualBlock' })
    .first()
    .locator('.layer-card__head')
    .click();
  const params = await page.getByTestId('inspector-params').textContent();
  await page.getByTestId('inspector-frozen').check();
  await waitForAnalysis(page);
  await expect(page.getByTestId('inspector')).toContainText('Params (frozen)');
  await expect(page.getByTestId('total-frozen-params')).toHaveText(params ?? '');
  await expect(page.getByTestId('node-frozen')).toHaveCount(1);
  await screenshot(page, 'frozen-block');
  await page.getByTestId('inspector-frozen').uncheck();
  await expect(page.getByTestId('total-frozen-params')).toHaveCount(0);
});
