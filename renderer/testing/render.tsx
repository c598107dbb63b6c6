/**
 * A tiny component-test harness for `*.test.tsx` files that run under happy-dom
 * (`// @vitest-environment happy-dom`): mounts an element, lets React settle, and unmounts it.
 */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// React only flushes `act` updates synchronously when told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A mounted component: its container, and how to take it down. */
export interface Rendered {
  container: HTMLElement;
  /** Runs `fn` (store changes, events) and lets React re-render before returning. */
  update(fn: () => void): void;
  unmount(): void;
}

/** Mounts `element` into a fresh container attached to the document. */
export function render(element: ReactElement): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root | undefined;
  act(() => {
    root = createRoot(container);
    root.render(element);
  });
  return {
    container,
    update: (fn) => act(fn),
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}
