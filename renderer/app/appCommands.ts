/**
 * The commands behind the toolbar that the desktop menu also reaches: view, export, panels,
 * training and About. One function per command, so a toolbar click and a menu item do exactly the
 * same thing.
 */
import { viewport } from '../canvas/viewportBridge.ts';
import { exportDiagram } from '../files/exportImage.ts';
import { slug } from '../files/fileActions.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { useDocStore } from '../state/docStore.ts';
import { useUiStore, type PanelId, type ThemePref } from '../state/uiStore.ts';
import { useTrainingStore } from '../training/useTrainingStore.ts';
import { errorMessage } from '../api/errors.ts';

/** Fits the canvas to the network. */
export function fitView(): void {
  useUiStore.getState().requestFit();
}

/** Zooms the canvas one step in (1) or out (-1). */
export function zoom(direction: 1 | -1): void {
  viewport()?.zoomBy(direction);
}

/** Shows or hides a side panel. */
export function togglePanel(panel: PanelId): void {
  useUiStore.getState().togglePanel(panel);
}

/** Sets the theme (`system` follows the OS). */
export function setTheme(theme: ThemePref): void {
  useUiStore.getState().setTheme(theme);
}

/** Exports the diagram as an image; a failure becomes a notification. */
export async function exportAs(format: 'png' | 'svg'): Promise<void> {
  try {
    const { analysis, catalogByType } = useAnalysisStore.getState();
    const groups = new Map([...catalogByType].map(([type, info]) => [type, info.group]));
    const doc = useDocStore.getState().doc;
    await exportDiagram(doc, analysis, groups, format, slug(doc.name));
  } catch (err) {
    useUiStore.getState().notify(`Could not export: ${errorMessage(err)}`, 'error');
  }
}

/** Shows the About dialog. */
export function showAbout(): void {
  useUiStore.getState().openDialog('about');
}

/** Shows the training view. */
export function openTraining(): void {
  useUiStore.getState().setView('training');
}

/** Resolves after the next paint, when a just-opened panel has mounted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}

/**
 * Starts training as the dashboard's Train button does: the Training tab opens and its button is
 * pressed, so its readiness checks apply. When the button is disabled, its reason is shown.
 */
export async function startTraining(): Promise<void> {
  openTraining();
  await afterPaint();
  const button = document.querySelector<HTMLButtonElement>('[data-testid="train-start"]');
  if (!button) {
    // Already running (the Stop button shows), or the dashboard is not there: nothing to press.
    if (!document.querySelector('[data-testid="train-stop"]'))
      await useTrainingStore.getState().start();
    return;
  }
  if (!button.disabled) {
    button.click();
    return;
  }
  const why = document.getElementById('tr-blocker')?.textContent?.trim();
  useUiStore
    .getState()
    .notify(`Cannot start training: ${why || 'the design is not ready.'}`, 'error');
}

/** Stops the running training (the dashboard's Stop button). */
export async function stopTraining(): Promise<void> {
  openTraining();
  await useTrainingStore.getState().stop();
}

/** Opens the training environment report (the dashboard's Check environment button). */
export async function checkEnvironment(): Promise<void> {
  openTraining();
  await useTrainingStore.getState().openEnvironment();
}
