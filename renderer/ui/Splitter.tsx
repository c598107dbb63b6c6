/** A draggable (and keyboard-adjustable) divider between two panels. */
import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  /** 'vertical' divides columns (drag left/right), 'horizontal' divides rows. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the panel, -1 when it shrinks it. */
  direction: 1 | -1;
  onChange: (px: number) => void;
}

export function Splitter({ orientation, label, value, min, max, direction, onChange }: Props) {
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const start = orientation === 'vertical' ? e.clientX : e.clientY;
    const startValue = value;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => {
      const pos = orientation === 'vertical' ? ev.clientX : ev.clientY;
      onChange(clamp(startValue + direction * (pos - start)));
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grow =
      orientation === 'vertical' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowDown', 'ArrowUp'];
    const i = grow.indexOf(e.key);
    if (i < 0) return;
    e.preventDefault();
    onChange(clamp(value + (i === 0 ? 1 : -1) * direction * (e.shiftKey ? 64 : 16)));
  };
  return (
    <div
      className={`splitter splitter--${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
