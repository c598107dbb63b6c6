/**
 * Designer steps for e2e specs, written the way a user works: drag a layer from the palette,
 * wire two cards, pick a layer, type a param, load a template, save and open through the file
 * browser. Every step waits for a visible UI state, never for time.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { waitForAnalysis } from './app.ts';

/** The canvas card of node `id` (React Flow keeps `data-id` on its node wrapper). */
export function node(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** The output shape printed on a node card, e.g. "32×32×64". */
export async function shapeOf(page: Page, id: string): Promise<string> {
  return ((await node(page, id).getByTestId('node-shape').textContent()) ?? '').trim();
}

/** Waits until the summary bar shows exactly `n` trainable params. */
export async function expectTotalParams(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('total-trainable-params')).toHaveText(n.toLocaleString('en-US'));
  await waitForAnalysis(page);
}

/** Ids of every node on the canvas, sorted. */
export async function nodeIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  return ids.sort();
}

/** Ids of every wire on the canvas (`source->target`), sorted. */
export async function edgeIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  return ids.sort();
}

/**
 * Drags palette item `type` onto the canvas, `offset` pixels from the top-left of the pane, and
 * resolves the id of the node it created (the one that was not there before).
 */
export async function dragFromPalette(
  page: Page,
  type: string,
  offset: { x: number; y: number },
): Promise<string> {
  const before = new Set(await nodeIds(page));
  await page
    .getByTestId(`palette-item-${type}`)
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: offset });
  await expect(page.locator('.react-flow__node')).toHaveCount(before.size + 1);
  const created = (await nodeIds(page)).find((id) => !before.has(id));
  if (!created) throw new Error(`no ${type} node appeared`);
  return created;
}

/**
 * The pane-relative drop point for a card `gap` screen pixels below node `id` (a dropped card is
 * centred on the pointer).
 */
export async function below(page: Page, id: string, gap = 36): Promise<{ x: number; y: number }> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const box = await node(page, id).boundingBox();
  if (!pane || !box) throw new Error(`node ${id} is not on screen`);
  return { x: box.x - pane.x + box.width / 2, y: box.y - pane.y + box.height * 1.5 + gap };
}

/** Wires `source` → `target` by dragging from the source's output handle to the target's input handle. */
export async function connect(page: Page, source: string, target: string): Promise<void> {
  const from = await node(page, source).locator('.react-flow__handle.source').boundingBox();
  const to = await node(page, target).locator('.react-flow__handle.target').boundingBox();
  if (!from || !to) throw new Error(`cannot see the handles of ${source} and ${target}`);
  const edges = await page.locator('.react-flow__edge').count();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 6, { steps: 8 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 2 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges + 1);
}

/**
 * Clicks the head of the first card containing `text` that lies wholly inside the canvas (a card
 * half under the bottom panel cannot be clicked); fits the view first when none does.
 */
export async function clickCardWith(page: Page, text: string): Promise<void> {
  const pane = page.locator('.react-flow__pane');
  const cards = page.locator('.react-flow__node').filter({ hasText: text });
  const inside = async (): Promise<Locator | null> => {
    const area = await pane.boundingBox();
    if (!area) return null;
    for (const card of await cards.all()) {
      const box = await card.boundingBox();
      if (
        box &&
        box.x >= area.x &&
        box.y >= area.y &&
        box.x + box.width <= area.x + area.width &&
        box.y + box.height <= area.y + area.height
      )
        return card;
    }
    return null;
  };
  let card = await inside();
  if (!card) {
    await page.getByTestId('cmd-fit').click();
    await expect.poll(async () => (await inside()) !== null).toBe(true);
    card = await inside();
  }
  // Near the top edge: the head of a full card, the type line of a compact one (zoomed out).
  const box = await card!.boundingBox();
  await card!.click({ position: { x: (box?.width ?? 20) / 2, y: 12 } });
}

/** Selects node `id` by clicking its card; the inspector then shows it. */
export async function selectNode(page: Page, id: string): Promise<void> {
  await node(page, id).locator('.layer-card__head').click();
  await expect(page.getByTestId('inspector').locator('#layer-id')).toHaveValue(id);
}

/** Types a value into the selected node's param field and leaves the field. */
export async function setParam(page: Page, name: string, value: string): Promise<void> {
  const field = page.getByTestId('inspector').getByTestId(`param-${name}`);
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') await field.selectOption(value);
  else {
    await field.fill(value);
    await field.press('Enter');
  }
  await waitForAnalysis(page);
}

/** Clicks an empty spot of the canvas (deselects, and takes focus out of text fields). */
export async function clickCanvas(page: Page): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });
}

/** Confirms a "discard unsaved changes?" prompt if one is showing. */
async function discardIfAsked(page: Page): Promise<void> {
  const ok = page.getByTestId('confirm-ok');
  if (await ok.isVisible()) await ok.click();
}

/** Opens the template gallery and loads template `id` (discarding unsaved changes). */
export async function loadTemplate(page: Page, id: string): Promise<void> {
  await page.getByTestId('cmd-templates').click();
  await page.getByTestId(`template-${id}`).click();
  const confirm = page.getByTestId('confirm-ok');
  const gallery = page.getByTestId('template-gallery');
  // Either the gallery closes (nothing unsaved) or we are asked to discard changes first.
  await Promise.race([confirm.waitFor(), gallery.waitFor({ state: 'hidden' })]);
  if (await confirm.isVisible()) await confirm.click();
  await expect(gallery).toBeHidden();
  await waitForAnalysis(page);
}

/** Shows the Problems tab and returns the panel. */
export async function problemsPanel(page: Page): Promise<Locator> {
  await page.getByTestId('tab-problems').click();
  const panel = page.getByTestId('problems-panel');
  await expect(panel).toBeVisible();
  return panel;
}

/** Saves through Save As and the in-app file browser under `name` in the server's home folder. */
export async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByTestId('cmd-save-as').click();
  const dialog = page.getByTestId('file-dialog');
  const path = dialog.getByTestId('file-path');
  await expect(path).not.toHaveValue('');
  const current = await path.inputValue();
  await path.fill(current.replace(/[^/\\]+$/, name));
  await dialog.getByTestId('file-dialog-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
}

/** Opens file `name` from the server's home folder through Open and the file browser. */
export async function openFromBrowser(page: Page, name: string): Promise<void> {
  await page.getByTestId('cmd-open').click();
  await discardIfAsked(page);
  const dialog = page.getByTestId('file-dialog');
  await dialog.getByTestId(`file-entry-${name}`).click();
  await dialog.getByTestId('file-dialog-ok').click();
  await expect(dialog).toBeHidden();
  await waitForAnalysis(page);
}

/**
 * Installs a stand-in for the Electron preload's `window.netdDesktop` before the app loads, so a
 * browser test can send native-menu commands and read what the renderer reports to the shell.
 * Its open/save dialogs answer with the paths last given to `setDesktopDialogPath`.
 * (A string script: the page must not depend on helpers the test runner's compiler adds.)
 */
export async function installFakeDesktop(page: Page): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const listeners = new Set();
      const fake = { dirty: [], titles: [], path: null, listeners };
      window.__fakeDesktop = fake;
      window.netdDesktop = {
        onMenuCommand(listener) { listeners.add(listener); return () => listeners.delete(listener); },
        showOpenDialog: async () => fake.path,
        showSaveDialog: async () => fake.path,
        setDirty(isDirty) { fake.dirty.push(isDirty); },
        setTitle(title) { fake.titles.push(title); },
      };
    })();`,
  });
}

/** Sends a native-menu command (a `MenuCommand` object) to the renderer through the fake bridge. */
export async function sendMenuCommand(page: Page, command: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    `window.__fakeDesktop.listeners.forEach((listener) => listener(${JSON.stringify(command)}))`,
  );
}

/** The path the fake native open/save dialogs answer with next. */
export async function setDesktopDialogPath(page: Page, path: string | null): Promise<void> {
  await page.evaluate(`window.__fakeDesktop.path = ${JSON.stringify(path)}`);
}

/** What the renderer told the fake shell: every dirty state and window title, in order. */
export async function desktopReports(page: Page): Promise<{ dirty: boolean[]; titles: string[] }> {
  const reports = await page.evaluate(
    '({ dirty: window.__fakeDesktop.dirty, titles: window.__fakeDesktop.titles })',
  );
  return reports as { dirty: boolean[]; titles: string[] };
}
