/** Resolves the theme preference (system/light/dark) and applies it to the document root. */
import { useEffect, useSyncExternalStore } from 'react';
import { useUiStore } from '../state/uiStore.ts';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const systemDark = () => window.matchMedia(QUERY).matches;

/** 'light' or 'dark', following the system when the preference is 'system'. */
export function useResolvedTheme(): 'light' | 'dark' {
  const pref = useUiStore((s) => s.theme);
  const dark = useSyncExternalStore(subscribe, systemDark);
  return pref === 'system' ? (dark ? 'dark' : 'light') : pref;
}

/** Keeps `<html data-theme>` in step with the resolved theme (CSS variables hang off it). */
export function useApplyTheme(): void {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
}
