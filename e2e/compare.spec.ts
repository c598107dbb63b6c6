/**
 * The compare view: an example pair opened from the gallery shows the host's deltas and its
 * explanation; a variant of the design compares against its original. Also deleting a layer
 * between two others, which reconnects them.
 */
import type { LoadedExample } from '../main/examples/index.ts';
import { api, openApp, screenshot, waitForAnalysis } from './helpers/app.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { node, selectNode, setParam } from './helpers/designer.ts';
import { expect, test } from './helpers/test.ts';

const grouped = (n: number) => n.toLocaleString('en-US');

test('an example pair opens in the compare view with its deltas and explanation', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  const expected = await api<LoadedExample>(page, 'examples:load', {
    id: 'inception-naive-vs-reduced',
  });
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId('gallery-tab-examples').click();
  await page.getByTestId('example-inception-naive-vs-reduced').click();

  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('compare-result')).toBeVisible();
  await expect(view.getByTestId('compare-name-a')).toHaveText(expected.aName);
  await expect(view.getByTestId('compare-name-b')).toHaveText(expected.bName);

  // Totals: the host's figures, the delta written with a real minus and highlighted as a saving.
  const c = expected.comparison;
  const params = view.getByTestId('total-trainableParams');
  await expect(params).toContainText(grouped(c.a.trainableParams));
  await expect(params).toContainText(grouped(c.b.trainableParams));
  const delta = view.getByTestId('delta-trainableParams');
  await expect(delta).toContainText(`−${grouped(-c.delta.trainableParams)}`);
  await expect(delta).toHaveClass(/delta--less/);
  await expect(view.getByTestId('delta-macs')).toHaveClass(/delta--less/);

  // Stage by stage: the Inception stage differs and carries the same parameter delta.
  const stage = view.getByTestId('stage-inception3');
  await expect(stage).toHaveClass(/is-changed/);
  await expect(stage.getByTestId('stage-delta-inception3-trainableParams')).toContainText(
    `−${grouped(-c.delta.trainableParams)} params`,
  );
  await expect(view.getByTestId('stage-input')).not.toHaveClass(/is-changed/);
  await expect(stage.getByTestId('cmp-a-inception3a')).toContainText('naive');
  await expect(stage.getByTestId('cmp-a-inception3a')).toHaveAttribute('data-diff', 'changed');

  // The explanation quotes the computed numbers.
  await expect(view.getByTestId('compare-explanation')).toContainText(grouped(c.b.trainableParams));
  await screenshot(page, 'compare-example');
});

test('a variant compares with the design it was duplicated from', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  await waitForAnalysis(page);
  await page.getByTestId('cmd-compare').click();
  await page.getByTestId('compare-variant').click();
  await expect(page.getByTestId('doc-title')).toContainText('(variant)');
  await page.getByTestId('cmd-compare').click();
  await page.getByTestId('compare-original').click();
  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('compare-result')).toBeVisible();
  // Nothing edited yet: every delta is zero and no stage is highlighted.
  await expect(view.getByTestId('delta-trainableParams')).toHaveText('0');
  await expect(view.locator('.compare-stage.is-changed')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Edit the variant (conv1: 3×3×3 → 16 filters instead of 8, say), compare again: the difference
  // shows in the totals and in the stage that holds conv1, and nowhere before it.
  await selectNode(page, 'conv1');
  const filters = Number(
    await page.getByTestId('inspector').getByTestId('param-filters').inputValue(),
  );
  await setParam(page, 'filters', String(filters * 2));
  await page.getByTestId('cmd-compare').click();
  await page.getByTestId('compare-original').click();
  await expect(view.getByTestId('compare-result')).toBeVisible();
  await expect(view.getByTestId('compare-name-a')).toHaveText('First network: shapes');
  await expect(view.getByTestId('delta-trainableParams')).toHaveClass(/delta--more/);
  await expect(view.getByTestId('stage-input')).not.toHaveClass(/is-changed/);
  await expect(view.locator('.compare-stage.is-changed').first()).toContainText('conv1');
  // The edited layer itself is marked on both sides; its unchanged input is not.
  await expect(view.getByTestId('cmp-b-conv1')).toHaveAttribute('data-diff', 'changed');
  await expect(view.getByTestId('cmp-a-conv1')).toHaveAttribute('data-diff', 'changed');
  await expect(view.getByTestId('cmp-b-input')).toHaveAttribute('data-diff', 'same');
});

test('the current design compares with a file picked in the file browser', async ({
  page,
  appUrl,
  appServer,
}) => {
  await openApp(page, appUrl);
  await waitForAnalysis(page);
  const other = await api<LoadedExample>(page, 'examples:load', { id: 'conv7-vs-3x3' });
  await writeFile(join(appServer.homeDir, 'stack.netd.json'), JSON.stringify(other.b));
  await page.getByTestId('cmd-compare').click();
  await page.getByTestId('compare-file').click();
  const dialog = page.getByTestId('file-dialog');
  await dialog.getByTestId('file-entry-stack.netd.json').click();
  await dialog.getByTestId('file-dialog-ok').click();
  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('compare-result')).toBeVisible();
  await expect(view.getByTestId('compare-name-b')).toHaveText(other.b.name);
  await expect(view.getByTestId('compare-name-a')).toHaveText('First network: shapes');
  // Different networks: the output shape differs and is called out.
  await expect(view.getByTestId('compare-totals')).toContainText('differs');
});

test('deleting a middle layer reconnects its neighbours, asking first when the shapes do not fit', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  await waitForAnalysis(page);
  const edge = (source: string, target: string) =>
    page.locator(`.react-flow__edge[data-id="${source}->${target}"]`);

  // Dropout keeps the shape: fc1 → classifier fits, so it is reconnected without asking.
  await selectNode(page, 'dropout');
  await page.keyboard.press('Delete');
  await expect(node(page, 'dropout')).toHaveCount(0);
  await expect(edge('fc1', 'classifier')).toHaveCount(1);

  // Flatten does not: Dense on a 3-D map is an error, so the user is asked and may decline.
  await selectNode(page, 'flatten');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('confirm-ok')).toHaveText('Delete and reconnect');
  await page.getByTestId('confirm-cancel').click();
  await expect(node(page, 'flatten')).toHaveCount(0);
  await expect(edge('pool2', 'fc1')).toHaveCount(0);
});
