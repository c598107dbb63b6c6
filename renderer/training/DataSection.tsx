import { memo } from 'react';
import type { DataDescription } from '../../main/training/types.ts';
import { askPath } from '../state/promptStore.ts';
import { formatShape } from '../graph/format.ts';
import { adaptSummary, type Mismatch } from './mismatch.ts';
import type { DataKind } from './trainingStore.ts';
import { useTrainingStore } from './useTrainingStore.ts';

const KINDS: { kind: DataKind; label: string; hint: string }[] = [
  { kind: 'synthetic', label: 'Synthetic shapes', hint: 'Built in, no files needed' },
  { kind: 'fashion-mnist', label: 'Fashion-MNIST', hint: 'Debian’s dataset-fashion-mnist' },
  {
    kind: 'folder',
    label: 'Folder…',
    hint: 'MNIST idx, CIFAR-10 binary, or one sub-folder per class',
  },
];

const FORMAT_LABEL: Record<DataDescription['format'], string> = {
  synthetic: 'Synthetic shapes',
  idx: 'MNIST idx files',
  cifar10: 'CIFAR-10 binary batches',
  'image-folder': 'Image folder (one sub-folder per class)',
};

function Preview({ data }: { data: DataDescription }) {
  const shown = data.classes.slice(0, 12);
  return (
    <dl className="tr-preview" aria-label="Data preview">
      <dt>format</dt>
      <dd>{FORMAT_LABEL[data.format]}</dd>
      <dt>images</dt>
      <dd>{formatShape(data.inputShape)}</dd>
      <dt>examples</dt>
      <dd>
        {data.trainCount.toLocaleString('en-US')} train · {data.testCount.toLocaleString('en-US')}{' '}
        test
      </dd>
      <dt>classes</dt>
      <dd className="tr-chips" title={data.classes.join(', ')}>
        <span className="tr-muted">{data.classes.length}:</span>{' '}
        {shown.map((c) => (
          <span key={c} className="tr-chip">
            {c}
          </span>
        ))}
        {data.classes.length > shown.length && (
          <span className="tr-muted"> +{data.classes.length - shown.length} more</span>
        )}
      </dd>
    </dl>
  );
}

/** Where the training data comes from, what it is, and whether it fits the design. */
export const DataSection = memo(function DataSection({
  mismatches,
}: {
  mismatches: readonly Mismatch[];
}) {
  const dataKind = useTrainingStore((s) => s.dataKind);
  const folderPath = useTrainingStore((s) => s.folderPath);
  const description = useTrainingStore((s) => s.description);
  const adapt = useTrainingStore((s) => s.adapt);
  const setDataKind = useTrainingStore((s) => s.setDataKind);
  const setFolderPath = useTrainingStore((s) => s.setFolderPath);
  const describeData = useTrainingStore((s) => s.describeData);
  const adaptNetwork = useTrainingStore((s) => s.adaptNetwork);
  const data = description.value;
  const blocking = mismatches.filter((m) => m.blocking);
  const notes = mismatches.filter((m) => !m.blocking);

  // The app's one file browser, in folder mode: the host's disk, which the browser cannot see.
  const browse = async (): Promise<void> => {
    const path = await askPath({
      mode: 'folder',
      title: 'Choose a data folder',
      actionLabel: 'Use this folder',
      startDir: folderPath,
    });
    if (path === null) return;
    setFolderPath(path);
    void describeData();
  };
  return (
    <fieldset className="tr-section">
      <legend>Data</legend>
      <div className="tr-radio-group" role="radiogroup" aria-label="Data source">
        {KINDS.map((k) => (
          <label key={k.kind} className="tr-radio" title={k.hint}>
            <input
              type="radio"
              name="tr-data-kind"
              value={k.kind}
              checked={dataKind === k.kind}
              onChange={() => setDataKind(k.kind)}
            />
            {k.label}
          </label>
        ))}
      </div>
      {dataKind === 'folder' && (
        <div className="tr-folder-row">
          <label className="tr-visually-hidden" htmlFor="tr-folder-path">
            Data folder
          </label>
          <input
            id="tr-folder-path"
            type="text"
            placeholder="/path/to/data"
            value={folderPath}
            spellCheck={false}
            onChange={(e) => setFolderPath(e.target.value)}
            onBlur={() => void describeData()}
            onKeyDown={(e) => e.key === 'Enter' && void describeData()}
          />
          <button type="button" className="btn" onClick={() => void browse()}>
            Browse…
          </button>
        </div>
      )}
      {description.status === 'loading' && <p className="tr-muted">Reading the data…</p>}
      {description.status === 'error' && (
        <p className="tr-error-line" role="alert">
          {description.error}
        </p>
      )}
      {data && description.status === 'ready' && <Preview data={data} />}
      {data && blocking.length > 0 && (
        <div className="tr-mismatch" role="status">
          <strong>The data does not fit the network.</strong>
          <ul>
            {blocking.map((m) => (
              <li key={m.kind}>{m.message}</li>
            ))}
          </ul>
          <p className="tr-muted">{adaptSummary(data, mismatches)}</p>
          <button
            type="button"
            className="btn btn--accent"
            onClick={() => void adaptNetwork()}
            disabled={adapt.busy}
          >
            {adapt.busy ? 'Adapting…' : 'Adapt network to data'}
          </button>
        </div>
      )}
      {data && notes.length > 0 && (
        <ul className="tr-notes">
          {notes.map((m) => (
            <li key={m.kind}>{m.message}</li>
          ))}
        </ul>
      )}
      {adapt.changes && (
        <div className="tr-adapted" role="status">
          Network adapted (undo with Ctrl+Z).
          {adapt.changes.length > 0 && (
            <ul>
              {adapt.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {adapt.error && (
        <p className="tr-error-line" role="alert">
          {adapt.error}
        </p>
      )}
    </fieldset>
  );
});
