import { useEffect, useMemo, useRef, useState } from 'react';
import type { EpochMetrics } from '../../main/training/types.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { useDocStore } from '../state/docStore.ts';
import { AccuracyChart } from './AccuracyChart.tsx';
import { CompareChart } from './CompareChart.tsx';
import { DataSection } from './DataSection.tsx';
import { engineSettings } from './engineChoice.ts';
import { EngineSection } from './EngineSection.tsx';
import { EnvironmentDialog } from './EnvironmentDialog.tsx';
import { isActive } from './liveRun.ts';
import { LossChart } from './LossChart.tsx';
import { designFacts, designOutline, findMismatches, type DesignOutline } from './mismatch.ts';
import { OptionsSection } from './OptionsSection.tsx';
import { parseOptionsForm } from './options.ts';
import { trainBlocker } from './readiness.ts';
import { ResultCard } from './ResultCard.tsx';
import { RunBar } from './RunBar.tsx';
import { StartWeights } from './StartWeights.tsx';
import { RunHistory } from './RunHistory.tsx';
import { viewFromDetail, viewFromLive } from './runView.ts';
import { runTitle } from './runLabels.ts';
import { batchRows } from './series.ts';
import { dataSpecOf } from './trainingStore.ts';
import { useEngineStore } from './useEngineStore.ts';
import { usePanelWidth } from './usePanelWidth.ts';
import { useTrainingStore } from './useTrainingStore.ts';
import './training.css';

/** Below this panel width the setup form moves into the side tabs, leaving room for the charts. */
const THREE_COLUMNS_MIN = 1180;

const NO_ERRORS = {};
const NO_EPOCHS: readonly EpochMetrics[] = [];

let connected = false;

/**
 * Subscribes to training events once for the page's lifetime: a run keeps being followed while
 * another bottom tab is shown, and history is loaded from the host's run store.
 */
function connectOnce(): void {
  if (connected) return;
  connected = true;
  useTrainingStore.getState().connect();
  void useTrainingStore.getState().describeData();
}

type SideTab = 'setup' | 'result' | 'history';

const TAB_LABEL: Record<SideTab, string> = { setup: 'Setup', result: 'Result', history: 'History' };

function ViewingHeader({ name }: { name: string }) {
  const closeRun = useTrainingStore((s) => s.closeRun);
  const applyRunSettings = useTrainingStore((s) => s.applyRunSettings);
  const viewed = useTrainingStore((s) => s.viewed.value);
  return (
    <div className="tr-viewing" role="status">
      <span>
        Viewing run <strong>{name}</strong>
      </span>
      {viewed && (
        <button type="button" className="btn btn--quiet" onClick={() => applyRunSettings(viewed)}>
          Use its settings
        </button>
      )}
      <button type="button" className="btn btn--quiet" onClick={closeRun}>
        Back to current run
      </button>
    </div>
  );
}

/** The training dashboard: setup, live curves and progress, results, and run history. */
export function TrainingPanel() {
  // Only the outline of the design matters here: following it as a string keeps node drags and
  // param edits elsewhere from re-rendering the dashboard.
  const outlineKey = useDocStore((s) => JSON.stringify(designOutline(s.doc)));
  const analysis = useAnalysisStore((s) => s.analysis);
  const dataKind = useTrainingStore((s) => s.dataKind);
  const folderPath = useTrainingStore((s) => s.folderPath);
  const description = useTrainingStore((s) => s.description);
  const form = useTrainingStore((s) => s.form);
  const live = useTrainingStore((s) => s.live);
  const starting = useTrainingStore((s) => s.starting);
  const startError = useTrainingStore((s) => s.startError);
  const viewed = useTrainingStore((s) => s.viewed);
  const compareIds = useTrainingStore((s) => s.compareIds);
  const details = useTrainingStore((s) => s.details);
  const smoothing = useTrainingStore((s) => s.smoothing);
  const setSmoothing = useTrainingStore((s) => s.setSmoothing);
  const panelRef = useRef<HTMLDivElement>(null);
  const width = usePanelWidth(panelRef);
  const narrow = width > 0 && width < THREE_COLUMNS_MIN;
  const [chosenTab, setTab] = useState<SideTab>('setup');
  const tabs: SideTab[] = narrow ? ['setup', 'result', 'history'] : ['result', 'history'];
  const tab: SideTab = tabs.includes(chosenTab) ? chosenTab : 'history';
  const sideRef = useRef<HTMLElement>(null);
  // Each tab opens at its top, not at the scroll position the previous tab was left at.
  useEffect(() => {
    sideRef.current?.scrollTo({ top: 0 });
  }, [tab]);

  useEffect(() => {
    connectOnce();
  }, []);

  const facts = useMemo(
    () => (analysis ? designFacts(JSON.parse(outlineKey) as DesignOutline, analysis) : null),
    [outlineKey, analysis],
  );
  const data = description.value;
  const mismatches = useMemo(
    () => (data && facts ? findMismatches(data, facts) : []),
    [data, facts],
  );
  const parsed = useMemo(() => parseOptionsForm(form), [form]);
  const busy = starting || isActive(live);
  // A string, so that the panel re-renders only when the verdict on the engine fields changes.
  const engineProblem = useEngineStore((s) => engineSettings(s).problem?.message ?? null);
  const blocker = trainBlocker({
    design: facts,
    dataSpec: dataSpecOf(dataKind, folderPath),
    description,
    mismatches,
    options: parsed,
    busy,
    engine: engineProblem,
  });

  const view = useMemo(
    () => (viewed.value ? viewFromDetail(viewed.value) : live ? viewFromLive(live) : null),
    [viewed.value, live],
  );
  const liveStatus = live?.status;
  // Show the result as soon as there is one to look at; show history while idle.
  useEffect(() => {
    if (liveStatus === 'done' || liveStatus === 'stopped' || liveStatus === 'failed')
      setTab('result');
  }, [liveStatus]);
  useEffect(() => {
    if (viewed.status === 'ready' || viewed.status === 'loading') setTab('result');
  }, [viewed.status]);

  // Both charts draw from the same smoothed rows; build them once per batch event.
  const batchPoints = view?.batchPoints;
  const rows = useMemo(() => batchRows(batchPoints ?? [], smoothing), [batchPoints, smoothing]);
  const compared = compareIds
    .map((id) => (Object.hasOwn(details, id) ? details[id] : undefined))
    .filter((d) => d !== undefined);
  const plannedEpochs = view?.options?.epochs ?? (Number(form.epochs) || 0);

  const setup = (
    <>
      <DataSection mismatches={mismatches} />
      <StartWeights disabled={busy} />
      <EngineSection disabled={busy} />
      <OptionsSection errors={parsed.ok ? NO_ERRORS : parsed.errors} disabled={busy} />
    </>
  );

  return (
    <div className="tr-panel" data-testid="training-panel" ref={panelRef}>
      <RunBar blocker={blocker} />
      {startError && (
        <div className="tr-error-box tr-start-error" role="alert">
          <strong>Could not start training.</strong> {startError}
        </div>
      )}
      <div className={`tr-body${narrow ? ' tr-body-narrow' : ''}`}>
        {!narrow && (
          <aside className="tr-setup" aria-label="Training setup">
            {setup}
          </aside>
        )}
        <section className="tr-main" aria-label="Training curves">
          {viewed.value && <ViewingHeader name={runTitle(viewed.value)} />}
          {viewed.status === 'error' && (
            <p className="tr-error-line" role="alert">
              {viewed.error}
            </p>
          )}
          {view?.status === 'failed' && (
            <div className="tr-error-box" role="alert">
              <strong>Training failed.</strong> {view.message}
              {view.hint && <p className="tr-hint">{view.hint}</p>}
            </div>
          )}
          <div className={`tr-charts${compared.length > 0 ? ' tr-charts-3' : ''}`}>
            <LossChart
              batchRows={rows}
              epochs={view?.epochs ?? NO_EPOCHS}
              plannedEpochs={plannedEpochs}
            />
            <AccuracyChart
              batchRows={rows}
              epochs={view?.epochs ?? NO_EPOCHS}
              plannedEpochs={plannedEpochs}
            />
            {compared.length > 0 && <CompareChart runs={compared} />}
          </div>
          <div className="tr-chart-tools">
            <label htmlFor="tr-smoothing">Smoothing</label>
            <input
              id="tr-smoothing"
              type="range"
              min={0}
              max={0.95}
              step={0.05}
              value={smoothing}
              onChange={(e) => setSmoothing(Number(e.target.value))}
            />
            <output htmlFor="tr-smoothing">{smoothing.toFixed(2)}</output>
          </div>
        </section>
        <aside
          ref={sideRef}
          className="tr-side"
          aria-label={narrow ? 'Setup, results and history' : 'Results and history'}
        >
          <div className="tr-tabs" role="tablist" aria-label="Training sections">
            {tabs.map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`tr-tab-${t}`}
                aria-selected={tab === t}
                aria-controls={`tr-tabpanel-${t}`}
                tabIndex={tab === t ? 0 : -1}
                className={`tr-tab${tab === t ? ' tr-tab-active' : ''}`}
                onClick={() => setTab(t)}
                onKeyDown={(e) => {
                  // Arrow keys move between tabs (WAI-ARIA tabs pattern), like the bottom panel's.
                  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                  if (!step) return;
                  const next = tabs[(tabs.indexOf(t) + step + tabs.length) % tabs.length]!;
                  setTab(next);
                  document.getElementById(`tr-tab-${next}`)?.focus();
                }}
              >
                {TAB_LABEL[t]}
              </button>
            ))}
          </div>
          <div
            className="tr-tabpanel"
            role="tabpanel"
            id={`tr-tabpanel-${tab}`}
            aria-labelledby={`tr-tab-${tab}`}
          >
            {tab === 'setup' ? (
              <div className="tr-setup-tab">{setup}</div>
            ) : tab === 'result' ? (
              view ? (
                <ResultCard view={view} />
              ) : (
                <p className="tr-muted tr-empty">
                  Train a network or open a run from the history to see its results.
                </p>
              )
            ) : (
              <RunHistory />
            )}
          </div>
        </aside>
      </div>
      <EnvironmentDialog />
    </div>
  );
}
