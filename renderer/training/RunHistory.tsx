import { Icon } from '../ui/Icon.tsx';
import { memo, useMemo, useState } from 'react';
import type { RunStatus, RunSummary } from '../../main/training/types.ts';
import { RUN_COLOURS } from './chartTheme.ts';
import { formatDateTime, formatPercent } from './format.ts';
import { runNumbers, runTitle } from './runLabels.ts';
import { MAX_COMPARE } from './trainingStore.ts';
import { useTrainingStore } from './useTrainingStore.ts';

const STATUS_LABEL: Record<RunStatus, string> = {
  running: 'running',
  done: 'done',
  stopped: 'stopped',
  failed: 'failed',
  interrupted: 'interrupted',
};

function RunItem({
  run,
  selected,
  compareIndex,
  number,
}: {
  run: RunSummary;
  selected: boolean;
  compareIndex: number;
  /** The run's number in the history (1 = oldest). */
  number: number;
}) {
  const openRun = useTrainingStore((s) => s.openRun);
  const deleteRun = useTrainingStore((s) => s.deleteRun);
  const toggleCompare = useTrainingStore((s) => s.toggleCompare);
  const compareFull = useTrainingStore((s) => s.compareIds.length >= MAX_COMPARE);
  const [confirming, setConfirming] = useState(false);
  const compared = compareIndex >= 0;
  const accuracy = run.testAccuracy ?? run.bestValAccuracy;
  const title = `#${number} ${runTitle(run)}`;
  return (
    <li
      className={`tr-run${selected ? ' tr-run-selected' : ''}`}
      data-testid="run-item"
      data-run-id={run.runId}
      data-status={run.status}
    >
      <input
        type="checkbox"
        checked={compared}
        disabled={!compared && compareFull}
        aria-label={`Compare ${title}`}
        title={
          compareFull && !compared
            ? `At most ${MAX_COMPARE} runs can be compared`
            : 'Overlay in the comparison chart'
        }
        onChange={() => void toggleCompare(run.runId)}
        style={
          compared ? { accentColor: RUN_COLOURS[compareIndex % RUN_COLOURS.length] } : undefined
        }
      />
      <button
        type="button"
        className="tr-run-open"
        onClick={() => void openRun(run.runId)}
        aria-current={selected ? 'true' : undefined}
        aria-label={`Open run ${title}`}
        title={`${title} — ${formatDateTime(run.createdAt)} · ${run.data} · ${run.epochsDone} epochs`}
      >
        <span className="tr-run-name">{title}</span>
        <span className="tr-run-meta">
          {formatDateTime(run.createdAt)} · {run.epochsDone} ep
          {run.backend ? ` · ${run.backend}` : ''}
        </span>
      </button>
      <span className={`tr-status tr-status-${run.status}`}>{STATUS_LABEL[run.status]}</span>
      <span
        className="tr-run-acc"
        title={run.testAccuracy !== null ? 'test accuracy' : 'best validation accuracy'}
      >
        {formatPercent(accuracy)}
      </span>
      {confirming ? (
        <span className="tr-confirm">
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => void deleteRun(run.runId)}
            autoFocus
          >
            Delete
          </button>
          <button type="button" className="btn btn--quiet" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="icon-btn"
          aria-label={`Delete run ${title}`}
          title="Delete this run"
          disabled={run.status === 'running'}
          onClick={() => setConfirming(true)}
        >
          <Icon name="trash" size={14} />
        </button>
      )}
    </li>
  );
}

/** Every stored run, newest first: open one, tick several to compare, delete. */
export const RunHistory = memo(function RunHistory() {
  const runs = useTrainingStore((s) => s.runs);
  const viewedId = useTrainingStore((s) => s.viewed.value?.runId ?? null);
  const compareIds = useTrainingStore((s) => s.compareIds);
  const refreshRuns = useTrainingStore((s) => s.refreshRuns);
  const list = useMemo(() => runs.value ?? [], [runs.value]);
  const numbers = useMemo(() => runNumbers(list), [list]);
  return (
    <section className="tr-history" aria-label="Run history">
      <div className="tr-history-head">
        <span className="tr-muted">
          {list.length} run{list.length === 1 ? '' : 's'}
          {compareIds.length > 0 && ` · ${compareIds.length} compared`}
        </span>
        <button type="button" className="btn btn--quiet" onClick={() => void refreshRuns()}>
          Refresh
        </button>
      </div>
      {runs.error && (
        <p className="tr-error-line" role="alert">
          {runs.error}
        </p>
      )}
      <ul className="tr-run-list" data-testid="run-history" aria-busy={runs.status === 'loading'}>
        {list.map((run) => (
          <RunItem
            key={run.runId}
            run={run}
            selected={run.runId === viewedId}
            compareIndex={compareIds.indexOf(run.runId)}
            number={numbers.get(run.runId) ?? 0}
          />
        ))}
        {runs.status === 'ready' && list.length === 0 && (
          <li className="tr-muted tr-run-empty">No runs yet — press Train.</li>
        )}
      </ul>
    </section>
  );
});
