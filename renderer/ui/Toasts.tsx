/** Short notifications in the corner (saved, could not open …). */
import { useUiStore } from '../state/uiStore.ts';
import { Icon } from './Icon.tsx';

export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast--${t.kind}`}
          role={t.kind === 'error' ? 'alert' : 'status'}
        >
          <Icon name={t.kind === 'error' ? 'error' : 'check'} />
          <span>{t.text}</span>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss"
            onClick={() => useUiStore.getState().dismiss(t.id)}
          >
            <Icon name="close" size={12} />
          </button>
        </div>
      ))}
    </div>
  );
}
