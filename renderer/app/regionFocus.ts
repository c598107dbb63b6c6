/**
 * F6 / Shift+F6 move the keyboard focus between the window's regions (toolbar, palette, canvas,
 * bottom panels, inspector), as in desktop IDEs — so a keyboard user does not have to Tab through
 * every card of a large network to reach the inspector.
 */

/** The regions in visiting order; hidden panels are skipped. */
const REGIONS = ['.toolbar', '.palette', '.canvas', '.bottom-panel', '.inspector'];

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Where focus goes inside a region, best first: its selected card, its first card, its selected
 * tab, else its first focusable control. Tried one by one — a selector list would return whichever
 * match comes first in the document, i.e. the first card even when another one is selected.
 */
const ENTRY_POINTS = [
  '.react-flow__node.selected',
  '.react-flow__node',
  '[role="tab"][aria-selected="true"]',
  FOCUSABLE,
];

function entryPoint(region: Element): HTMLElement | null {
  for (const selector of ENTRY_POINTS) {
    const found = region.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/** Moves focus to the next (1) or previous (-1) region; returns true when it moved. */
export function focusNextRegion(direction: 1 | -1, doc: Document = document): boolean {
  const regions = REGIONS.map((s) => doc.querySelector(s)).filter((r) => r !== null);
  if (regions.length === 0) return false;
  const active = doc.activeElement;
  const current = regions.findIndex((r) => active !== null && r.contains(active));
  for (let step = 1; step <= regions.length; step++) {
    const index =
      current < 0
        ? direction > 0
          ? step - 1
          : regions.length - step
        : (current + direction * step + regions.length * step) % regions.length;
    const target = entryPoint(regions[index]!);
    if (target) {
      target.focus();
      return true;
    }
  }
  return false;
}
