import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, screenshot } from './helpers/app.ts';
import { expect, test } from './helpers/test.ts';

test('Export → Code or model… writes the design as an ONNX model, replacing a file only when confirmed', async ({
  page,
  appUrl,
  appServer,
}) => {
  await openApp(page, appUrl);
  await page.getByTestId('cmd-export').click();
  await page.getByTestId('export-model').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toContainText('Export the design');
  await dialog.getByTestId('export-format-onnx').check();
  const out = join(appServer.homeDir, 'first.onnx');
  await dialog.getByTestId('export-out').fill(out);
  await screenshot(page, 'export-dialog');
  await dialog.getByTestId('export-run').click();
  await expect(dialog.getByTestId('export-done')).toContainText(out);
  const bytes = await readFile(out);
  // An ONNX ModelProto starts with field 1 (ir_version, varint): byte 0x08.
  expect(bytes[0]).toBe(0x08);
  expect(bytes.length).toBeGreaterThan(1000);

  // A file that is there already: the app asks, and Cancel leaves it alone.
  await writeFile(out, 'keep me');
  await dialog.getByTestId('export-run').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText(out);
  await page.getByTestId('confirm-cancel').click();
  expect(await readFile(out, 'utf8')).toBe('keep me');
  await dialog.getByTestId('export-run').click();
  await page.getByTestId('confirm-ok').click();
  await expect(dialog.getByTestId('export-done')).toContainText(out);
  expect((await readFile(out)).length).toBeGreaterThan(1000);
  await screenshot(page, 'export-dialog-done');

  // PyTorch code with train.py: the typed name keeps its stem and becomes a Python file.
  await dialog.getByTestId('export-format-pytorch').check();
  await expect(dialog.getByTestId('export-out')).toHaveValue(join(appServer.homeDir, 'first.py'));
  await dialog.getByTestId('export-with-training').check();
  await screenshot(page, 'export-dialog-pytorch');
  await dialog.getByTestId('export-run').click();
  await expect(dialog.getByTestId('export-done')).toContainText(
    join(appServer.homeDir, 'train.py'),
  );
  expect(await readFile(join(appServer.homeDir, 'train.py'), 'utf8')).toContain(
    'from first import',
  );
});
