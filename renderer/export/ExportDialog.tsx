/**
 * *Export*: the design — or the design with a run's trained weights — as PyTorch code (optionally
 * with a standalone `train.py`), an ONNX model or Keras code, written by the host where the user
 * chooses. An existing file is replaced only after the user confirms; the written paths are listed.
 */
import { useEffect, useState } from 'react';
import type { ExportFormat } from '../../main/api/contract.ts';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { fileDialogs } from '../files/dialogs.ts';
import { slug } from '../files/fileActions.ts';
import { useDocStore } from '../state/docStore.ts';
import { useFileStore } from '../state/fileStore.ts';
import { askConfirm, askPath } from '../state/promptStore.ts';
import { Modal } from '../ui/Modal.tsx';
import { closeExport, useExportStore } from './exportStore.ts';
import {
  EXPORT_FORMATS,
  defaultFileName,
  folderOf,
  PYTHON_MODULE_FILE,
  switchFormat,
} from './exportFormats.ts';
import './export.css';

type Outcome =
  { kind: 'written'; paths: string[]; message: string } | { kind: 'error'; text: string };

export function ExportDialog() {
  const target = useExportStore((s) => s.target);
  const doc = useDocStore((s) => s.doc);
  const designPath = useFileStore((s) => s.path);
  const [format, setFormat] = useState<ExportFormat>('onnx');
  const [withTraining, setWithTraining] = useState(false);
  const [out, setOut] = useState('');
  // Desktop: the path last chosen in the native dialog (the only kind the host exports to).
  const [chosen, setChosen] = useState<string | null>(null);
  const nativeDialog = fileDialogs().exportDialog;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const stem = slug(doc.name);

  // Each opening starts beside the design's file (or in the host's home folder when unsaved).
  useEffect(() => {
    if (!target) return;
    setOutcome(null);
    setChosen(null);
    setOut(`${designPath ? folderOf(designPath) : ''}${defaultFileName(stem, format)}`);
    // Only on opening: the format switch below keeps the user's folder and typed name.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  if (!target) return null;
  const name = out.slice(folderOf(out).length);
  const badModule =
    format === 'pytorch' && withTraining && !PYTHON_MODULE_FILE.test(name)
      ? 'train.py imports the model file: use letters, digits and _ only, ending in .py'
      : null;

  const choose = (to: ExportFormat) => {
    setFormat(to);
    setOut((o) => switchFormat(o, stem, to));
    setOutcome(null);
  };
  const browse = async () => {
    if (nativeDialog) {
      const picked = await nativeDialog(out.trim() || defaultFileName(stem, format));
      if (picked) {
        setOut(picked);
        setChosen(picked);
      }
      return;
    }
    const path = await askPath({
      mode: 'save',
      suggestedName: out || defaultFileName(stem, format),
      title: 'Export to…',
      actionLabel: 'Choose',
    });
    if (path) setOut(path);
  };
  const run = async () => {
    let where = out.trim();
    // Desktop: a path the page holds is confirmed in the native dialog before anything is written.
    if (nativeDialog && where !== chosen) {
      const picked = await nativeDialog(where);
      if (!picked) return;
      setOut(picked);
      setChosen(picked);
      where = picked;
    }
    setBusy(true);
    setOutcome(null);
    const req = {
      doc,
      designPath,
      to: format,
      out: where,
      ...(target.runId ? { runId: target.runId } : {}),
      ...(format === 'pytorch' && withTraining ? { withTraining: true } : {}),
    };
    try {
      let result = await api.exportDesign(req);
      if (!result.written) {
        const replace = await askConfirm({
          title: result.existing.length === 1 ? 'Replace the file?' : 'Replace the files?',
          message: `Already there: ${result.existing.join(', ')}. Replace ${result.existing.length === 1 ? 'it' : 'them'}?`,
          confirmLabel: 'Replace',
          danger: true,
        });
        if (!replace) return;
        result = await api.exportDesign({ ...req, overwrite: true });
      }
      if (result.written)
        setOutcome({ kind: 'written', paths: result.paths, message: result.message });
    } catch (err) {
      setOutcome({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const weightsNote = target.runId
    ? `With the trained weights of ${target.runLabel ?? `run ${target.runId}`}.`
    : designPath
      ? 'With the design’s own weights when it has them (its .weights.safetensors), else freshly initialised ones.'
      : 'With freshly initialised weights (save the design to export the weights it carries).';

  return (
    <Modal
      title={target.runId ? 'Export with this run’s weights' : 'Export the design'}
      onClose={closeExport}
      testId="export-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={closeExport}>
            Close
          </button>
          <button
            type="button"
            className="btn btn--accent"
            disabled={busy || !out.trim() || badModule !== null}
            onClick={() => void run()}
            data-testid="export-run"
          >
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <div className="export-dialog">
        <p className="export-dialog__note">{weightsNote}</p>
        <div className="export-dialog__formats" role="radiogroup" aria-label="Format">
          {EXPORT_FORMATS.map((f) => (
            <label key={f.id} className="export-dialog__format">
              <input
                type="radio"
                name="export-format"
                checked={format === f.id}
                onChange={() => choose(f.id)}
                data-testid={`export-format-${f.id}`}
              />
              <span>
                <strong>{f.label}</strong>
                <span className="export-dialog__hint">{f.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {format === 'pytorch' && (
          <label className="export-dialog__check">
            <input
              type="checkbox"
              checked={withTraining}
              onChange={(e) => setWithTraining(e.target.checked)}
              data-testid="export-with-training"
            />
            Also write train.py (plain python or torchrun, same data options as netd train)
          </label>
        )}
        <label htmlFor="export-out" className="export-dialog__label">
          File
        </label>
        <div className="export-dialog__row">
          <input
            id="export-out"
            type="text"
            value={out}
            spellCheck={false}
            onChange={(e) => setOut(e.target.value)}
            data-testid="export-out"
          />
          <button type="button" className="btn" onClick={() => void browse()}>
            Browse…
          </button>
        </div>
        {badModule && (
          <p className="export-dialog__error" role="alert">
            {badModule}
          </p>
        )}
        {outcome?.kind === 'written' && (
          <div className="export-dialog__done" role="status" data-testid="export-done">
            <p>Written:</p>
            <ul>
              {outcome.paths.map((p) => (
                <li key={p}>
                  <code>{p}</code>
                </li>
              ))}
            </ul>
            {outcome.message && <p className="export-dialog__message">{outcome.message}</p>}
          </div>
        )}
        {outcome?.kind === 'error' && (
          <p className="export-dialog__error" role="alert" data-testid="export-error">
            {outcome.text}
          </p>
        )}
      </div>
    </Modal>
  );
}
