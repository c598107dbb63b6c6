/** Right-click menu of a layer card: the commands that apply to it. */
import { useEffect, useRef } from 'react';
import { useAnalysisStore } from '../state/analysisStore.ts';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  expandNode,
} from '../state/commands.ts';
import { useDocStore } from '../state/docStore.ts';

export interface NodeMenuState {
  nodeId: string;
  /** Position relative to the canvas element. */
  x: number;
  y: number;
}

export function NodeMenu({ menu, onClose }: { menu: NodeMenuState; onClose: () => void }) {
  const root = useRef<HTMLUListElement>(null);
  const type = useDocStore((s) => s.doc.nodes.find((n) => n.id === menu.nodeId)?.type);
  const composite = useAnalysisStore((s) =>
    type ? s.catalogByType.get(type)?.composite === true : false,
  );
  useEffect(() => {
    root.current?.querySelector('button')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [onClose]);

  const item = (label: string, hint: string, run: () => void) => (
    <li role="none">
      <button
        type="button"
        role="menuitem"
        className="menu__item"
        onClick={() => {
          onClose();
          run();
        }}
      >
        <span className="menu__label">{label}</span>
        <span className="menu__hint">{hint}</span>
      </button>
    </li>
  );

  return (
    <ul
      ref={root}
      className="menu__list node-menu"
      role="menu"
      aria-label={`Layer ${menu.nodeId}`}
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
      data-testid="node-menu"
    >
      {composite && item('Expand block into layers', '', () => void expandNode(menu.nodeId))}
      {item('Duplicate', 'Ctrl+D', duplicateSelection)}
      {item('Copy', 'Ctrl+C', copySelection)}
      {item('Delete', 'Del', deleteSelection)}
    </ul>
  );
}
