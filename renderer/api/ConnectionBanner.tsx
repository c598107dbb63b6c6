import { useConnectionState } from './useConnectionState.ts';

/**
 * A thin status bar shown only while the web host is unreachable (never under Electron).
 * Mount it once at the top of the app.
 */
export function ConnectionBanner() {
  const state = useConnectionState();
  if (state.status === 'open' || !state.message) return null;
  return (
    <div
      className={`connection-banner connection-banner--${state.status}`}
      data-testid="connection-banner"
      role={state.status === 'no-token' ? 'alert' : 'status'}
      aria-live="polite"
      style={{
        padding: '4px 12px',
        fontSize: 13,
        textAlign: 'center',
        background: state.status === 'no-token' ? '#b3261e' : '#8a5a00',
        color: '#fff',
      }}
    >
      {state.message}
    </div>
  );
}
