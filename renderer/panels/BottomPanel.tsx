/** The tabbed bottom panel of the designer: Problems and Table. */
import { useRef, type KeyboardEvent } from 'react';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { useUiStore, type BottomTab } from '../state/uiStore.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { TableView } from './TableView.tsx';
import './panels.css';

const TABS: { id: BottomTab; label: string }[] = [
  { id: 'problems', label: 'Problems' },
  { id: 'table', label: 'Table' },
];

export function BottomPanel() {
  // A tab remembered from an older version (the training tab became its own view) shows Problems.
  const stored = useUiStore((s) => s.bottomTab);
  const tab: BottomTab = TABS.some((t) => t.id === stored) ? stored : 'problems';
  const setTab = useUiStore((s) => s.setBottomTab);
  const problems = useAnalysisStore((s) => s.analysis?.problems);
  const errors = problems?.filter((p) => p.severity === 'error').length ?? 0;
  const warnings = (problems?.length ?? 0) - errors;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onKey = (e: KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    const next = (i + d + TABS.length) % TABS.length;
    setTab(TABS[next]!.id);
    refs.current[next]?.focus();
  };

  return (
    <section className="bottom-panel" aria-label="Panels">
      <div className="tabs" role="tablist" aria-label="Panels">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
            {t.id === 'problems' && errors > 0 && (
              <span className="count count--error">{errors}</span>
            )}
            {t.id === 'problems' && warnings > 0 && (
              <span className="count count--warning">{warnings}</span>
            )}
          </button>
        ))}
      </div>
      <div
        className="tabpanel"
        role="tabpanel"
        id={`tabpanel-${tab}`}
        aria-labelledby={`tab-${tab}`}
      >
        {tab === 'problems' && <ProblemsPanel />}
        {tab === 'table' && <TableView />}
      </div>
    </section>
  );
}
