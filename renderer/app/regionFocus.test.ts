import { describe, expect, it } from 'vitest';
import { focusNextRegion } from './regionFocus.ts';

/**
 * A stand-in element: answers `querySelector` from a table whose key order is document order (a
 * selector list returns the first entry matching any of its parts, as the DOM does), records focus.
 */
interface FakeElement {
  name: string;
  focus(): void;
  contains(other: unknown): boolean;
  querySelector(selector: string): FakeElement | null;
}

function fakeDom(regions: Record<string, Record<string, string>>) {
  let active: FakeElement | null = null;
  const make = (name: string, children: Record<string, string> = {}): FakeElement => {
    const kids = new Map<string, FakeElement>();
    const el: FakeElement = {
      name,
      focus: () => {
        active = el;
      },
      contains: (other) => other === el || [...kids.values()].includes(other as FakeElement),
      querySelector: (selector) => {
        // A selector list (the "any focusable control" fallback) matches any of its parts.
        const key = Object.keys(children).find((k) => selector.split(', ').includes(k));
        const child = key === undefined ? undefined : children[key];
        if (!child) return null;
        if (!kids.has(child)) kids.set(child, make(child));
        return kids.get(child)!;
      },
    };
    return el;
  };
  const byRegion = new Map(Object.entries(regions).map(([sel, kids]) => [sel, make(sel, kids)]));
  const doc = {
    get activeElement() {
      return active;
    },
    querySelector: (selector: string) => byRegion.get(selector) ?? null,
  };
  return { doc: doc as unknown as Document, active: () => active?.name ?? null };
}

describe('focusNextRegion', () => {
  it('enters the canvas at the selected card, not at the first card', () => {
    const dom = fakeDom({
      '.palette': { 'button:not([disabled])': 'search' },
      // Keys in document order: the first card comes before the selected one.
      '.canvas': { '.react-flow__node': 'input', '.react-flow__node.selected': 'conv3' },
    });
    expect(focusNextRegion(1, dom.doc)).toBe(true);
    expect(dom.active()).toBe('search');
    focusNextRegion(1, dom.doc);
    expect(dom.active()).toBe('conv3');
  });

  it('falls back to the first card, then to the selected tab of a panel', () => {
    const dom = fakeDom({
      '.canvas': { '.react-flow__node': 'input' },
      '.bottom-panel': {
        '[role="tab"][aria-selected="true"]': 'tab-training',
        'button:not([disabled])': 'tab-problems',
      },
    });
    focusNextRegion(1, dom.doc);
    expect(dom.active()).toBe('input');
    focusNextRegion(1, dom.doc);
    expect(dom.active()).toBe('tab-training');
  });
});
