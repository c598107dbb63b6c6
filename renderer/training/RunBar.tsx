import { Icon } from '../ui/Icon.tsx';
import type { RunBackend } from '../../main/training/types.ts';
import { formatBytes } from '../graph/format.ts';
import { formatRate } from './format.ts';
import { isActive, progressOf } from './liveRun.ts';
import { runStatusText } from './runStatus.ts';
import { useTrainingStore } from './useTrainingStore.ts';

const BACKEND_LABEL: Record<RunBackend, string> = {
  'tensorflow-gpu': 'CUDA GPU',
  tensorflow: 'native CPU',
  wasm: 'WebAssembly',
  cpu: 'JS CPU',
  'pytorch-cuda': 'PyTorch, CUDA GPU',
  'pytorch-mps': 'PyTorch, Apple GPU',
  'pytorch-cpu': 'PyTorch, CPU',
};

/** The backend in use, with why a faster one is not (hover or read the note). */
export function BackendBadge({ backend, note }: { backend: RunBackend; note: string }) {
  const fast =
    backend === 'tensorflow-gpu' || backend === 'pytorch-cuda' || backend === 'pytorch-mps';
  return (
    <span className="tr-backend">
      <span
        className={`tr-badge ${fast ? 'tr-badge-good' : 'tr-badge-plain'}`}
        data-testid="backend-badge"
        title={note || undefined}
      >
        {backend} · {BACKEND_LABEL[backend]}
      </span>
      {note && <span className="tr-backend-note">{note}</span>}
    </span>
  );
}

/** Train/Stop, the progress bar and the live figures (speed, backend, memory). */
export function RunBar({ blocker }: { blocker: string | null }) {
  const live = useTrainingStore((s) => s.live);
  const starting = useTrainingStore((s) => s.starting);
  const start = useTrainingStore((s) => s.start);
  const stop = useTrainingStore((s) => s.stop);
  const openEnvironment = useTrainingStore((s) => s.openEnvironment);
  const active = isActive(live) || starting;
  const progress = live ? progressOf(live) : 0;
  return (
    <div className="tr-runbar" role="toolbar" aria-label="Training controls">
      {active ? (
        <button
          type="button"
          className="btn btn--danger"
          data-testid="train-stop"
          onClick={() => void stop()}
          disabled={starting}
        >
          <span aria-hidden="true">■</span> Stop
        </button>
      ) : (
        <button
          type="button"
          className="btn btn--accent"
          data-testid="train-start"
          onClick={() => void start()}
          disabled={blocker !== null}
          aria-describedby={blocker ? 'tr-blocker' : undefined}
        >
          <Icon name="train" size={14} /> Train
        </button>
      )}
      <div className="tr-progress-wrap">
        <div
          className={`tr-progress tr-progress-${live?.status ?? 'idle'}`}
          role="progressbar"
          aria-label="Training progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
          aria-valuetext={live ? runStatusText(live) : 'Not started'}
          data-testid="train-progress"
          data-status={live?.status ?? 'idle'}
        >
          <span style={{ width: `${progress * 100}%` }} />
        </div>
        <div className="tr-progress-text" aria-live="polite">
          {blocker && !active ? (
            <span id="tr-blocker" className="tr-blocker" title={blocker}>
              {blocker}
            </span>
          ) : !live ? (
            <span className="tr-muted">Ready — press Train to start.</span>
          ) : (
            <span>{runStatusText(live)}</span>
          )}
        </div>
      </div>
      {live && live.status !== 'starting' && (
        <dl className="tr-stats">
          <div>
            <dt>speed</dt>
            <dd data-testid="train-speed">
              {formatRate(live.result?.imagesPerSecond ?? live.imagesPerSecond)}
            </dd>
          </div>
          {live.memoryBytes !== null && (
            <div title={live.numTensors !== null ? `${live.numTensors} tensors alive` : undefined}>
              <dt>memory</dt>
              <dd>{formatBytes(live.memoryBytes)}</dd>
            </div>
          )}
        </dl>
      )}
      {live?.backend && (
        // While the design cannot be trained the reason takes the room of the backend note.
        <BackendBadge backend={live.backend} note={blocker && !active ? '' : live.backendNote} />
      )}
      <button
        type="button"
        className="btn btn--quiet tr-env-button"
        onClick={() => void openEnvironment()}
        aria-label="Check environment"
        title="Which training backends work here, and what to install for a faster one"
      >
        <Icon name="wrench" size={14} /> <span className="tr-env-label">Check environment</span>
      </button>
    </div>
  );
}
