/**
 * A modal dialog: labelled, focus moves in on open, stays inside while open and goes back on close;
 * Escape and the backdrop close it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from './Icon.tsx';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** Nearly the whole window (the compare view). */
  full?: boolean;
  testId?: string;
}

export function Modal({ title, onClose, children, footer, wide, full, testId }: Props) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  // Escape closes and focus stays inside even when the focused control was removed (e.g. the
  // gallery switching to its adapt form left focus on the page behind).
  useEffect(() => {
    const isTop = () => {
      const all = document.querySelectorAll('.modal');
      return all[all.length - 1] === box.current;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !isTop() || box.current?.contains(e.target as Node)) return;
      e.preventDefault();
      closeRef.current();
    };
    const onFocusIn = (e: FocusEvent) => {
      if (isTop() && box.current && !box.current.contains(e.target as Node)) box.current.focus();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    // Focus the first field or button inside, else the dialog itself.
    const first = box.current?.querySelector<HTMLElement>(
      '[data-autofocus], input, select, textarea, button:not(.modal__close)',
    );
    (first ?? box.current)?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={box}
        className={`modal${wide ? ' modal--wide' : ''}${full ? ' modal--full' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="modal__head">
          <h2 id={id}>{title}</h2>
          <button
            type="button"
            className="icon-btn modal__close"
            aria-label="Close"
            onClick={onClose}
          >
            <Icon name="close" />
          </button>
        </header>
        <div className="modal__body">{children}</div>
        {footer && <footer className="modal__foot">{footer}</footer>}
      </div>
    </div>
  );
}
