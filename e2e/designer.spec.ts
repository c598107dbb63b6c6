/**
 * The designer as a student uses it: build a network by hand, watch shapes and totals follow each
 * edit, load a classic architecture, repair a mistake in one click, undo/redo, save and reopen.
 */
import { readFile } from 'node:fs/promises';
import { api, openApp, screenshot, waitForAnalysis } from './helpers/app.ts';
import {
  below,
  clickCanvas,
  clickCardWith,
  connect,
  desktopReports,
  dragFromPalette,
  edgeIds,
  expectTotalParams,
  installFakeDesktop,
  loadTemplate,
  node,
  nodeIds,
  openFromBrowser,
  problemsPanel,
  saveAs,
  selectNode,
  sendMenuCommand,
  setDesktopDialogPath,
  setParam,
  shapeOf,
} from './helpers/designer.ts';
import {
  hasRsvg,
  inkShare,
  readPng,
  renderWithRsvg,
  RSVG,
  svgCards,
  svgSize,
} from './helpers/diagram.ts';
import { expect, test } from './helpers/test.ts';
import type { NetworkDoc } from '../main/network/types.ts';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** New network (Input 32×32×3) → Conv2D → GlobalAvgPool2D → Dense, built by drag and drop. */
async function buildSmallNetwork(
  page: import('@playwright/test').Page,
): Promise<{ conv: string; gap: string; fc: string }> {
  await page.getByTestId('cmd-new').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(node(page, 'input1')).toBeVisible();
  const conv = await dragFromPalette(page, 'Conv2D', await below(page, 'input1'));
  const gap = await dragFromPalette(page, 'GlobalAvgPool2D', await below(page, conv));
  const fc = await dragFromPalette(page, 'Dense', await below(page, gap));
  await connect(page, 'input1', conv);
  await connect(page, conv, gap);
  await connect(page, gap, fc);
  await waitForAnalysis(page);
  return { conv, gap, fc };
}

test('build a network by dragging and wiring, then edit a param and see shapes and totals change', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  const { conv, gap, fc } = await buildSmallNetwork(page);
  // Conv2D starts with 32 3×3 filters, 'same' padding; Dense with 128 units.
  expect(await shapeOf(page, conv)).toBe('32×32×32');
  expect(await shapeOf(page, gap)).toBe('32');
  expect(await shapeOf(page, fc)).toBe('128');
  await expectTotalParams(page, 3 * 3 * 3 * 32 + 32 + (32 * 128 + 128));
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  await selectNode(page, conv);
  await setParam(page, 'filters', '64');
  await expect(node(page, conv).getByTestId('node-shape')).toHaveText('32×32×64');
  await expect(node(page, gap).getByTestId('node-shape')).toHaveText('64');
  await expectTotalParams(page, 3 * 3 * 3 * 64 + 64 + (64 * 128 + 128));
  await expect(page.getByTestId('inspector-params')).toHaveText('1,792');

  await setParam(page, 'strides', '2');
  await expect(node(page, conv).getByTestId('node-shape')).toHaveText('16×16×64');
  await screenshot(page, 'designer-built');
});

test('undo and redo every durable edit, by shortcut and toolbar', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  const { conv, gap } = await buildSmallNetwork(page);
  const small = 896 + 4224;
  await selectNode(page, conv);
  await setParam(page, 'filters', '64');
  const big = 1792 + 8320;
  await expectTotalParams(page, big);

  await clickCanvas(page);
  await page.keyboard.press(`${MOD}+z`);
  await expectTotalParams(page, small);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expectTotalParams(page, big);

  // A drag is one undo step, however many moves it took.
  const start = await node(page, conv).boundingBox();
  if (!start) throw new Error('conv is not on screen');
  await page.mouse.move(start.x + 20, start.y + 10);
  await page.mouse.down();
  await page.mouse.move(start.x + 120, start.y + 30, { steps: 10 });
  await page.mouse.move(start.x + 220, start.y + 40, { steps: 10 });
  await page.mouse.up();
  await expect
    .poll(async () => (await node(page, conv).boundingBox())?.x)
    .toBeGreaterThan(start.x + 150);
  await page.keyboard.press(`${MOD}+z`);
  await expect
    .poll(async () => Math.round((await node(page, conv).boundingBox())?.x ?? 0))
    .toBe(Math.round(start.x));
  await expectTotalParams(page, big);

  // Delete a layer: its neighbours are reconnected (GAP fits on the input); undo brings it back
  // with its wires.
  await selectNode(page, conv);
  await page.keyboard.press('Delete');
  await expect(node(page, conv)).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.locator(`.react-flow__edge[data-id="input1->${gap}"]`)).toHaveCount(1);
  await page.getByTestId('cmd-undo').click();
  await expect(node(page, conv)).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await page.getByTestId('cmd-redo').click();
  await expect(node(page, conv)).toHaveCount(0);
});

test('a Dense on a feature map is reported and fixed in one click', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  const { conv, gap, fc } = await buildSmallNetwork(page);
  // Remove the pooling layer and wire the conv straight into the Dense: a classic mistake.
  await selectNode(page, gap);
  await page.keyboard.press('Delete');
  // The shapes do not fit, so the app asks before reconnecting: delete only, then wire by hand.
  await page.getByTestId('confirm-cancel').click();
  await connect(page, conv, fc);
  await waitForAnalysis(page);

  const panel = await problemsPanel(page);
  const item = panel.getByTestId('problem-item').filter({ hasText: fc });
  await expect(item.first()).toBeVisible();
  await expect(node(page, fc).locator('.layer-card')).toHaveClass(/state-error/);
  // Two repairs to choose from: average each channel, or keep every value.
  const fixes = item.first().getByTestId('problem-fix');
  await expect(fixes).toHaveText(['Insert GlobalAvgPool2D before it', 'Insert Flatten before it']);
  await screenshot(page, 'designer-problem');

  await fixes.filter({ hasText: 'GlobalAvgPool2D' }).click();
  await waitForAnalysis(page);
  await expect(panel.locator('.problem--error')).toHaveCount(0);
  await expect(node(page, fc).locator('.layer-card')).not.toHaveClass(/state-error/);
  await expect(page.locator('.react-flow__node')).toHaveCount(4);

  // The fix is one undoable edit.
  await clickCanvas(page);
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(panel.locator('.problem--error').first()).toBeVisible();
});

test("VGG-16's huge fc6 warning offers a GlobalAvgPool2D in place of the Flatten", async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  await loadTemplate(page, 'vgg16');
  await expect(page.getByTestId('total-trainable-params')).toHaveText('138,357,544');
  const panel = await problemsPanel(page);
  const warning = panel.locator('[data-code="huge-dense"]');
  await expect(warning).toHaveCount(1);
  const fix = warning.getByTestId('problem-fix');
  await expect(fix).toHaveText('Replace flatten with GlobalAvgPool2D');
  await screenshot(page, 'designer-huge-dense');
  await fix.click();
  await waitForAnalysis(page);
  await expect(warning).toHaveCount(0);
  // fc6 now sees 512 channel averages instead of 7·7·512 values: 102.8 M weights fewer.
  await expect(page.getByTestId('total-trainable-params')).toHaveText('37,694,248');
});

test('ResNet-50 from the gallery has 25,557,032 trainable parameters', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  await page.getByTestId('cmd-templates').click();
  await expect(page.getByTestId('template-resnet50')).toContainText('25.6M');
  await screenshot(page, 'templates');
  await page.keyboard.press('Escape');
  await loadTemplate(page, 'resnet50');
  await expect(page.getByTestId('total-trainable-params')).toHaveText('25,557,032');
  await expect(page.getByTestId('total-macs')).toHaveText('4.09 G');
  await expect(page.getByTestId('doc-title')).toHaveText('ResNet-50');
  // The inspector explains a block: its settings, numbers and formulas.
  await clickCardWith(page, 'ResidualBlock');
  await expect(page.getByTestId('inspector')).toContainText('How these are computed');
  await screenshot(page, 'designer');
});

test('follows a dark system theme and can be switched to light', async ({ page, appUrl }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, appUrl);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await loadTemplate(page, 'googlenet');
  await clickCardWith(page, 'Inception');
  await expect(page.getByTestId('inspector')).toContainText('Inception');
  await page.getByTestId('tab-table').click();
  await screenshot(page, 'dark');
  await page.getByTestId('cmd-theme').click();
  await page.getByTestId('theme-light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('save, reload the page, open the file and get the same network', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  const { conv } = await buildSmallNetwork(page);
  await selectNode(page, conv);
  await setParam(page, 'filters', '48');
  await clickCanvas(page);
  const ids = await nodeIds(page);
  const total = (await page.getByTestId('total-trainable-params').textContent()) ?? '';
  const shape = await shapeOf(page, conv);
  await expect(page.getByTestId('dirty-marker')).toBeVisible();

  await saveAs(page, 'small.netd.json');
  await page.reload();
  await waitForAnalysis(page);
  // The saved file is offered under Recent too.
  await page.getByTestId('cmd-recent').click();
  await expect(page.getByRole('menu', { name: 'Recent' })).toContainText('small.netd.json');
  await page.keyboard.press('Escape');
  await openFromBrowser(page, 'small.netd.json');

  expect(await nodeIds(page)).toEqual(ids);
  await expect(page.getByTestId('total-trainable-params')).toHaveText(total);
  expect(await shapeOf(page, conv)).toBe(shape);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
});

test('unsaved work survives a reload through the recovery offer', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  const { conv } = await buildSmallNetwork(page);
  const ids = await nodeIds(page);
  const wires = await edgeIds(page);
  // Autosave writes the recovery file shortly after the last edit: wait until it holds this very
  // network (every card and wire), not merely an earlier state of it.
  await expect
    .poll(async () => {
      const saved = await api<{ doc: NetworkDoc } | null>(page, 'recovery:read');
      if (!saved) return null;
      return {
        ids: saved.doc.nodes.map((n) => n.id).sort(),
        wires: saved.doc.edges.map((e) => `${e.source}->${e.target}`).sort(),
      };
    })
    .toEqual({ ids, wires });
  await page.reload();
  await waitForAnalysis(page);
  await expect(page.getByTestId('recovery-banner')).toBeVisible();
  await page.getByTestId('recovery-restore').click();
  await waitForAnalysis(page);
  expect(await nodeIds(page)).toEqual(ids);
  expect(await edgeIds(page)).toEqual(wires);
  await expectTotalParams(page, 896 + 4224);
  await expect(page.getByTestId('dirty-marker')).toBeVisible();

  // An edit made right before leaving is written as the page goes away, not a moment later.
  await selectNode(page, conv);
  await setParam(page, 'filters', '64');
  await expect(node(page, conv).getByTestId('node-shape')).toHaveText('32×32×64');
  await page.reload();
  await waitForAnalysis(page);
  await page.getByTestId('recovery-restore').click();
  await waitForAnalysis(page);
  await expectTotalParams(page, 3 * 3 * 3 * 64 + 64 + (64 * 128 + 128));
});

test('a template adapted to CIFAR-sized input says what it changed', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId('adapt-resnet18').click();
  await page.getByTestId('adapt-input').fill('32x32x3');
  await page.getByTestId('adapt-classes').fill('10');
  await page.getByTestId('adapt-load').click();
  await expect(page.getByTestId('adapt-result')).toBeVisible();
  await page.getByTestId('adapt-result').getByRole('button', { name: 'Done' }).click();
  await waitForAnalysis(page);
  await expect(page.locator('.summary-bar__status')).toHaveText('Valid');
  const fc = page.locator('.react-flow__node').filter({ hasText: 'Dense' }).last();
  await expect(fc.getByTestId('node-shape')).toHaveText('10');
});

test('exports the diagram as a vector SVG that librsvg draws, and a PNG with its cards', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  const files: Record<string, string> = {};
  for (const format of ['svg', 'png'] as const) {
    await page.getByTestId('cmd-export').click();
    const download = page.waitForEvent('download');
    await page.getByTestId(`export-${format}`).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
    files[format] = await file.path();
  }
  const svg = await readFile(files.svg!, 'utf8');
  // Real vector drawing: no HTML snapshot inside, and small.
  expect(svg).not.toMatch(/foreignObject|<div|xhtml/i);
  expect(svg.length).toBeLessThan(60_000);
  const cards = svgCards(svg);
  const count = await page.locator('.react-flow__node').count();
  expect(cards).toHaveLength(count);

  // The PNG decodes, is the SVG at twice the size, and every card region has ink on it.
  const png = await readPng(files.png!);
  const size = svgSize(svg);
  expect([png.width, png.height]).toEqual([size.width * 2, size.height * 2]);
  for (const card of cards) expect(inkShare(png, card, 2)).toBeGreaterThan(0.03);

  // librsvg (Inkscape, LaTeX and most slide tools use it or the like) draws the same cards.
  test.skip(!hasRsvg, `rsvg-convert not found at ${RSVG} (Debian: apt install librsvg2-bin)`);
  const rendered = await renderWithRsvg(files.svg!, `${files.svg}.rsvg.png`);
  expect([rendered.width, rendered.height]).toEqual([size.width, size.height]);
  for (const card of cards) expect(inkShare(rendered, card)).toBeGreaterThan(0.03);
});

test('copy, paste, duplicate, select all and add from the palette with the keyboard', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  const { conv, gap } = await buildSmallNetwork(page);
  const cards = page.locator('.react-flow__node');
  await selectNode(page, conv);
  await page.keyboard.press(`${MOD}+c`);
  await page.keyboard.press(`${MOD}+v`);
  await expect(cards).toHaveCount(5);
  await page.keyboard.press(`${MOD}+d`);
  await expect(cards).toHaveCount(6);

  // Palette: focus an item and press Enter; with one layer selected the new one is spliced into
  // the wire after it (conv → bn → gap), and the network stays valid.
  await selectNode(page, conv);
  await page.getByTestId('palette-item-BatchNorm').focus();
  await page.keyboard.press('Enter');
  await expect(cards).toHaveCount(7);
  await expect(page.locator(`.react-flow__edge[data-id^="${conv}->bn"]`)).toHaveCount(1);
  await expect(page.locator(`.react-flow__edge[data-id="${conv}->${gap}"]`)).toHaveCount(0);
  const bn = (await page.getByTestId('inspector').locator('#layer-id').inputValue()).trim();
  await expect(page.locator(`.react-flow__edge[data-id="${bn}->${gap}"]`)).toHaveCount(1);

  // Right-click menu on a card.
  await node(page, conv).locator('.layer-card__head').click({ button: 'right' });
  await page
    .getByTestId('node-menu')
    .getByRole('menuitem', { name: /Duplicate/ })
    .click();
  await expect(cards).toHaveCount(8);

  await clickCanvas(page);
  await page.keyboard.press(`${MOD}+a`);
  await page.keyboard.press('Delete');
  await expect(cards).toHaveCount(0);
  await page.keyboard.press(`${MOD}+z`);
  await expect(cards).toHaveCount(8);
});

test('the browser asks before leaving with unsaved changes, and not once they are saved', async ({
  page,
  appUrl,
}) => {
  await openApp(page, appUrl);
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.getByTestId('palette-item-Dropout').click();
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  // Dismissed: the page and its work are still there.
  expect(page.isClosed()).toBe(false);
  await expect(page.getByTestId('dirty-marker')).toBeVisible();

  await saveAs(page, 'kept.netd.json');
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(asked).toEqual(['beforeunload']);
});

test('native menu commands of the desktop shell run the same actions as the toolbar', async ({
  page,
  appUrl,
  appServer,
}) => {
  await installFakeDesktop(page);
  await openApp(page, appUrl);
  const cards = page.locator('.react-flow__node');
  const count = await cards.count();
  expect(await desktopReports(page)).toEqual({
    dirty: [false],
    titles: ['First network: shapes — NetDesigner'],
  });

  // View: panels, theme, zoom, About.
  await sendMenuCommand(page, { command: 'view.togglePanel', panel: 'palette' });
  await sendMenuCommand(page, { command: 'view.togglePanel', panel: 'inspector' });
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Layer palette' })).toHaveCount(0);
  await sendMenuCommand(page, { command: 'view.togglePanel', panel: 'palette' });
  await sendMenuCommand(page, { command: 'view.togglePanel', panel: 'inspector' });
  await expect(page.getByTestId('inspector')).toBeVisible();
  await sendMenuCommand(page, { command: 'view.theme', theme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  await sendMenuCommand(page, { command: 'view.zoomIn' });
  await expect(viewport).not.toHaveAttribute('style', before ?? '');
  await sendMenuCommand(page, { command: 'help.about' });
  await expect(page.getByTestId('about-dialog')).toContainText('Keyboard shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('about-dialog')).toHaveCount(0);

  // Edit + the dirty state and title the shell shows.
  await page.getByTestId('palette-item-Dropout').click();
  await expect(cards).toHaveCount(count + 1);
  await expect.poll(async () => (await desktopReports(page)).dirty.at(-1)).toBe(true);
  expect((await desktopReports(page)).titles.at(-1)).toBe('• First network: shapes — NetDesigner');
  await sendMenuCommand(page, { command: 'edit.undo' });
  await expect(cards).toHaveCount(count);
  await sendMenuCommand(page, { command: 'edit.redo' });
  await expect(cards).toHaveCount(count + 1);

  // File: save as (native dialog), new, open a path.
  const path = `${appServer.homeDir}/menu.netd.json`;
  await setDesktopDialogPath(page, path);
  await sendMenuCommand(page, { command: 'file.saveAs' });
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await expect.poll(async () => (await desktopReports(page)).dirty.at(-1)).toBe(false);
  await sendMenuCommand(page, { command: 'file.new' });
  await expect(cards).toHaveCount(1);
  await sendMenuCommand(page, { command: 'file.openPath', path });
  await expect(cards).toHaveCount(count + 1);
  await expect(page.getByTestId('doc-title')).toHaveText('First network: shapes');

  // Train: the environment report opens on the training view.
  await sendMenuCommand(page, { command: 'train.checkEnvironment' });
  await expect(page.getByTestId('cmd-train')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('dialog', { name: 'Training environment' })).toBeVisible();
});

test('every control has an accessible name, and F6 walks the panels', async ({ page, appUrl }) => {
  await openApp(page, appUrl);
  const unnamed = await page.evaluate(`(() => {
    const controls = document.querySelectorAll('button, input, select, textarea, [role="tab"]');
    return Array.from(controls)
      .filter((el) => {
        const labelledBy = el.getAttribute('aria-labelledby');
        const name =
          el.getAttribute('aria-label') ||
          (labelledBy && document.getElementById(labelledBy)?.textContent) ||
          (el.id && document.querySelector('label[for="' + el.id + '"]')?.textContent) ||
          el.closest('label')?.textContent ||
          (el.tagName === 'BUTTON' && el.textContent) ||
          el.getAttribute('title');
        return !name || !name.trim();
      })
      .map((el) => el.outerHTML.slice(0, 120));
  })()`);
  expect(unnamed).toEqual([]);

  const region = () =>
    page.evaluate(
      `(() => { const r = document.activeElement?.closest('.toolbar, .palette, .canvas, .bottom-panel, .inspector'); return r ? r.classList[0] : null; })()`,
    );
  await page.getByLabel('Search layers').focus();
  const visited: unknown[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('F6');
    visited.push(await region());
  }
  expect(visited).toEqual(['canvas', 'bottom-panel', 'inspector', 'toolbar', 'palette']);
  await page.keyboard.press('Shift+F6');
  expect(await region()).toBe('toolbar');
});
