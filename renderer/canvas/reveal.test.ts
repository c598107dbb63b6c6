import { describe, expect, it } from 'vitest';
import { revealViewport } from './reveal.ts';

const card = { width: 200, height: 84 };

describe('revealViewport', () => {
  it('leaves the view alone when the card is already in sight', () => {
    expect(revealViewport({ x: 0, y: 0, zoom: 1 }, 800, 600, { x: 100, y: 100 }, card)).toBeNull();
  });

  it('pans left just enough to show a card placed beyond the right edge', () => {
    const v = revealViewport({ x: 0, y: 0, zoom: 1 }, 800, 600, { x: 900, y: 100 }, card);
    expect(v).toEqual({ x: -324, y: 0, zoom: 1 });
  });

  it('pans at the current zoom, counting the card in screen pixels', () => {
    const v = revealViewport({ x: 10, y: 0, zoom: 0.5 }, 800, 600, { x: 100, y: 1300 }, card);
    expect(v).toEqual({ x: 10, y: 600 - 24 - (1300 + 84) * 0.5, zoom: 0.5 });
  });

  it('shows the top-left of a card that is larger than the canvas', () => {
    const v = revealViewport({ x: 0, y: 0, zoom: 4 }, 400, 300, { x: 200, y: 0 }, card);
    expect(v?.x).toBe(24 - 800);
  });
});
