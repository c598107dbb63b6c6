import { useState } from 'react';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { fileDialogs } from '../files/dialogs.ts';
import { askPath } from '../state/promptStore.ts';
import { openExport } from '../export/exportStore.ts';
import { formatLoss, formatPercent } from './format.ts';
import type { RunView } from './runView.ts';
import { useTrainingStore } from './useTrainingStore.ts';

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="tr-figure">
      <span className="tr-figure-value" data-testid={testId}>
        {value}
      </span>
      <span className="tr-figure-label">{label}</span>
    </div>
  );
}

/** What Export model says once written, or why not. */
function ExportOutcome() {
  const exporting = useTrainingStore((s) => s.exporting);
  return (
    <>
      {exporting.path && (
        <p className="tr-ok-line" role="status">
          Saved to <code>{exporting.path}</code>
        </p>
      )}
      {exporting.error && (
        <p className="tr-error-line" role="alert">
          {exporting.error}
        </p>
      )}
    </>
  );
}

/**
 * Desktop: the folder comes from the native dialog only — the desktop host writes the model into
 * no folder the page typed (an injected script could type any).
 */
function ExportModelNative({
  runId,
  folderDialog,
}: {
  runId: string;
  folderDialog: (title: string) => Promise<string | null>;
}) {
  const exporting = useTrainingStore((s) => s.exporting);
  const exportModel = useTrainingStore((s) => s.exportModel);
  const choose = async (): Promise<void> => {
    const dir = await folderDialog('Export the model to…');
    if (dir !== null) await exportModel(runId, dir);
  };
  return (
    <div className="tr-export">
      <div className="tr-folder-row">
        <button
          type="button"
          className="btn btn--accent"
          disabled={exporting.busy}
          onClick={() => void choose()}
          data-testid="export-model-native"
        >
          {exporting.busy ? 'Exporting…' : 'Export model (TensorFlow.js)…'}
        </button>
      </div>
      <ExportOutcome />
    </div>
  );
}

/** Exports the run's trained model (tfjs format) into a folder on the host. */
function ExportModel({ runId }: { runId: string }) {
  const exporting = useTrainingStore((s) => s.exporting);
  const exportModel = useTrainingStore((s) => s.exportModel);
  const [dir, setDir] = useState('');
  const folderDialog = fileDialogs().folderDialog;
  if (folderDialog) return <ExportModelNative runId={runId} folderDialog={folderDialog} />;
  const browse = async (): Promise<void> => {
    const path = await askPath({
      mode: 'folder',
      title: 'Export the model to…',
      actionLabel: 'Export here',
      startDir: dir,
    });
    if (path === null) return;
    setDir(path);
    void exportModel(runId, path);
  };
  return (
    <div className="tr-export">
      <label htmlFor="tr-export-dir">Export model to</label>
      <div className="tr-folder-row">
        <input
          id="tr-export-dir"
          type="text"
          placeholder="/path/to/folder"
          value={dir}
          spellCheck={false}
          onChange={(e) => setDir(e.target.value)}
        />
        <button type="button" className="btn" onClick={() => void browse()}>
          Browse…
        </button>
        <button
          type="button"
          className="btn btn--accent"
          disabled={!dir.trim() || exporting.busy}
          onClick={() => void exportModel(runId, dir.trim())}
        >
          {exporting.busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
      <ExportOutcome />
    </div>
  );
}

/**
 * A finished run's model: export it (code or ONNX with its weights), or continue training from it
 * (its weights become the design's; the next run starts from them).
 */
function RunModelActions({ runId }: { runId: string }) {
  const continueFromRun = useTrainingStore((s) => s.continueFromRun);
  const weights = useTrainingStore((s) => s.startWeights);
  const label = `run ${runId}`;
  const taken = weights.path !== null && weights.note === `the weights of ${label}`;
  return (
    <>
      <div className="tr-run-actions">
        <button
          type="button"
          className="btn"
          onClick={() => openExport({ runId, runLabel: label })}
          data-testid="run-export"
        >
          Export with this run’s weights…
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void continueFromRun(runId, label)}
          title="The run’s weights become the design’s weights; training then starts from them"
          data-testid="run-continue"
        >
          Continue from this run
        </button>
      </div>
      {taken && (
        <p className="tr-ok-line" role="status" data-testid="run-continued">
          The design now carries this run’s weights; training starts from them.
        </p>
      )}
      {weights.error && (
        <p className="tr-error-line" role="alert">
          {weights.error}
        </p>
      )}
    </>
  );
}

/** What a run achieved: headline figures, the failure explanation, confusion matrix and export. */
export function ResultCard({ view }: { view: RunView }) {
  const lastEpoch = view.epochs[view.epochs.length - 1];
  const ended = !['starting', 'running'].includes(view.status);
  return (
    <section className="tr-result" aria-label="Run result">
      {view.status === 'failed' && (
        <p className="tr-error-line">
          This run failed{view.epochs.length > 0 ? ` after ${view.epochs.length} epochs` : ''}; the
          message is above the curves.
        </p>
      )}
      {view.status === 'interrupted' && (
        <div className="tr-error-box" role="status">
          <strong>This run was interrupted</strong> (the app or the trainer stopped). Its curves up
          to the last completed epoch are kept.
        </div>
      )}
      <div className="tr-figures">
        <Figure label="test acc." value={formatPercent(view.testAccuracy)} testId="test-accuracy" />
        <Figure label="val. acc." value={formatPercent(view.valAccuracy)} />
        <Figure label="train loss" value={formatLoss(lastEpoch?.trainLoss)} />
        <Figure label="epochs" value={String(view.epochs.length)} />
      </div>
      {view.confusion && view.confusion.length > 0 ? (
        <ConfusionMatrix confusion={view.confusion} classes={view.classes} />
      ) : (
        <p className="tr-muted">
          {ended
            ? 'No confusion matrix for this run.'
            : 'The confusion matrix and per-class accuracy appear when the run ends.'}
        </p>
      )}
      {ended && view.hasModel && <RunModelActions runId={view.runId} />}
      {ended && view.hasModel && <ExportModel runId={view.runId} />}
    </section>
  );
}
