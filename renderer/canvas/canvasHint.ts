/**
 * What to do next, shown on the canvas while the network cannot be anything yet: empty, or only
 * Input layers (the state a new network starts in, which the Problems panel counts as an error).
 */
import type { NetworkDoc } from '../../main/network/types.ts';

/** The hint for `doc`, or null once it has a layer besides its Input(s). */
export function canvasHint(doc: Pick<NetworkDoc, 'nodes'>): string | null {
  if (doc.nodes.length === 0) return 'Drag a layer from the palette, or open a template to start.';
  if (doc.nodes.every((n) => n.type === 'Input'))
    return 'Next: add a layer after the Input — select the Input and click a layer in the palette (it is wired in for you), or drag one onto the canvas and wire output to input.';
  return null;
}
