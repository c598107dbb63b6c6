/** A small dropdown menu (toolbar "Open recent", "Export", "Theme"); closes on choice, Escape or outside click. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  checked?: boolean;
  hint?: string;
  testId?: string;
}

interface Props {
  label: string;
  icon: IconName;
  items: MenuItem[];
  empty?: string;
  testId?: string;
  children?: ReactNode;
}

export function Menu({ label, icon, items, empty, testId }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="tool-btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={label}
        data-testid={testId}
        onClick={() => setOpen(!open)}
      >
        <Icon name={icon} />
        <span className="tool-btn__text">{label}</span>
        <Icon name="chevronDown" size={12} />
      </button>
      {open && (
        <ul className="menu__list" role="menu" aria-label={label}>
          {items.length === 0 && <li className="menu__empty">{empty ?? 'Nothing here'}</li>}
          {items.map((item, index) => (
            <li key={`${index}:${item.label}`} role="none">
              <button
                type="button"
                role="menuitemradio"
                aria-checked={item.checked ?? false}
                className="menu__item"
                data-testid={item.testId}
                title={item.hint}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                <span className="menu__check">
                  {item.checked ? <Icon name="check" size={12} /> : null}
                </span>
                <span className="menu__label">{item.label}</span>
                {item.hint && (
                  // The hint is cut at its start (rtl); <bdi> keeps a path's leading '/' in place.
                  <span className="menu__hint">
                    <bdi>{item.hint}</bdi>
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
