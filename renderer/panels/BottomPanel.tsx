/** The tabbed bottom panel: Problems, Table and Training. */
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { useUiStore, type BottomTab } from '../state/uiStore.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { TableView } from './TableView.tsx';
import './panels.css';

// The dashboard (charts, run history) is its own chunk, loaded the first time its tab is shown.
const TrainingPanel = lazy(() =>
  import('../training/TrainingPanel.tsx').then((m) => ({ default: m.TrainingPanel })),
);

const TABS: { id: BottomTab; label: string }[] = [
  { id: 'problems', label: 'Problems' },
  { id: 'table', label: 'Table' },
  { id: 'training', label: 'Training' },
];

export function BottomPanel() {
  const tab = useUiStore((s) => s.bottomTab);
  const setTab = useUiStore((s) => s.setBottomTab);
  const problems = useAnalysisStore((s) => s.analysis?.problems);
  const errors = problems?.filter((p) => p.severity === 'error').length ?? 0;
  const warnings = (problems?.length ?? 0) - errors;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // The dashboard mounts the first time its tab is shown, then stays mounted.
  const [trainingSeen, setTrainingSeen] = useState(tab === 'training');
  useEffect(() => {
    if (tab === 'training') setTrainingSeen(true);
  }, [tab]);

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
        {/* Once shown, training stays mounted so a live run keeps its state when you switch tabs. */}
        {(trainingSeen || tab === 'training') && (
          <div hidden={tab !== 'training'} className="tabpanel__training">
            <Suspense fallback={<p className="tabpanel__loading">Loading training…</p>}>
              <TrainingPanel />
            </Suspense>
          </div>
        )}
      </div>
    </section>
  );
}
