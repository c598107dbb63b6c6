import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encode, tinyModel } from '../main/interchange/onnx/testing/tinyModel.ts';
import { openApp, readTotals, screenshot } from './helpers/app.ts';
import { expect, test } from './helpers/test.ts';

test('File → Import… turns an ONNX model into a design with its weights', async ({
  page,
  appUrl,
  appServer,
}) => {
  await writeFile(join(appServer.homeDir, 'tiny.onnx'), encode(tinyModel()));
  await openApp(page, appUrl);
  await page.getByTestId('cmd-import').click();
  const dialog = page.getByTestId('file-dialog');
  await expect(dialog).toContainText('Import ONNX model');
  await dialog.getByTestId('file-entry-tiny.onnx').click();
  await dialog.getByTestId('file-dialog-ok').click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(/Imported 5 layers — saved as .*tiny\.netd\.json with its weights/),
  ).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  // Conv 3→4 3×3 (112) + Dense 64→3 (195): the ONNX model's own weights.
  expect((await readTotals(page)).trainableParams).toBe(307);
  await screenshot(page, 'imported-onnx');
});

test('an ONNX model NetDesigner cannot express is refused with the importer’s sentence', async ({
  page,
  appUrl,
  appServer,
}) => {
  const m = tinyModel();
  m.graph!.node[1]!.opType = 'Resize';
  await writeFile(join(appServer.homeDir, 'resize.onnx'), encode(m));
  await openApp(page, appUrl);
  await page.getByTestId('cmd-import').click();
  const dialog = page.getByTestId('file-dialog');
  await dialog.getByTestId('file-entry-resize.onnx').click();
  await dialog.getByTestId('file-dialog-ok').click();
  await expect(
    page.getByText(/Could not import .*\(Resize\): has no NetDesigner layer/),
  ).toBeVisible();
});
