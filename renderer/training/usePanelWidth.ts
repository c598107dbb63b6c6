import { useEffect, useState, type RefObject } from 'react';

/**
 * The element's width, following resizes. The dashboard lives in a bottom panel whose width depends
 * on the palette and inspector, not on the window, so its layout follows this instead of media queries.
 */
export function usePanelWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
