import { Icon } from '../ui/Icon.tsx';
import type { BackendStatus, EngineReport, EnvironmentReport } from '../../main/training/types.ts';
import { backendsByUse, environmentSummary } from './environmentSummary.ts';
import { TrainingModal } from './TrainingModal.tsx';
import { useTrainingStore } from './useTrainingStore.ts';

/** One row of the report: a check or a cross, the name, a badge, what was found, what to install. */
function StatusRow(props: {
  available: boolean;
  name: string;
  source: string;
  badge?: string | null;
  lines: string[];
  remedy?: { label: string; text: string } | null;
}) {
  const { available, name, source, badge, lines, remedy } = props;
  return (
    <li className={`tr-env-backend ${available ? 'tr-env-ok' : 'tr-env-missing'}`}>
      <span className="tr-env-mark" aria-hidden="true">
        <Icon name={available ? 'check' : 'close'} size={14} />
      </span>
      <div>
        <div className="tr-env-name">
          <strong>{name}</strong> <code>{source}</code>
          {badge && <span className="tr-badge tr-badge-good">{badge}</span>}
          <span className="tr-visually-hidden">{available ? 'available' : 'not available'}</span>
        </div>
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {remedy && (
          <p className="tr-env-remedy">
            {remedy.label} <code>{remedy.text}</code>
          </p>
        )}
      </div>
    </li>
  );
}

function BackendRow({ backend, selected }: { backend: BackendStatus; selected: boolean }) {
  return (
    <StatusRow
      available={backend.available}
      name={backend.name}
      source={backend.packageName}
      badge={selected ? 'in use' : null}
      lines={[backend.reason]}
      remedy={
        !backend.available && backend.remedy ? { label: 'To get it:', text: backend.remedy } : null
      }
    />
  );
}

/** The PyTorch engine: whether it runs here, on what, what to install, and what Auto picks. */
function EngineSection({ engine }: { engine: EngineReport }) {
  const { pytorch, auto } = engine;
  const devices = pytorch.devices.length > 0 ? pytorch.devices.join('; ') : 'the CPU only';
  return (
    <section aria-label="Training engines" data-testid="environment-engines">
      <h3 className="tr-env-heading">Engines</h3>
      <p className="tr-env-summary">
        Auto trains on <strong>{auto.engine === 'pytorch' ? 'PyTorch' : 'TensorFlow.js'}</strong>:{' '}
        {auto.reason}
      </p>
      <ul className="tr-env-list">
        <StatusRow
          available={pytorch.available}
          name="PyTorch"
          source="python3 + torch"
          badge={auto.engine === 'pytorch' ? 'auto' : null}
          lines={[pytorch.reason, `Devices: ${devices}`]}
          remedy={pytorch.remedy ? { label: 'To get it:', text: pytorch.remedy } : null}
        />
      </ul>
      <h3 className="tr-env-heading">TensorFlow.js backends</h3>
    </section>
  );
}

function Report({ report }: { report: EnvironmentReport }) {
  return (
    <>
      <p className="tr-env-summary">{environmentSummary(report)}</p>
      {report.engine && <EngineSection engine={report.engine} />}
      <ul className="tr-env-list">
        {backendsByUse(report).map((b) => (
          <BackendRow key={b.name} backend={b} selected={b.name === report.selected} />
        ))}
      </ul>
      <dl className="tr-preview tr-env-facts">
        <dt>Node</dt>
        <dd>{report.node}</dd>
        <dt>platform</dt>
        <dd>{report.platform}</dd>
        <dt>CPU cores</dt>
        <dd>{report.cpus}</dd>
        <dt>GPUs</dt>
        <dd>{report.gpus.length > 0 ? report.gpus.join(', ') : 'none detected'}</dd>
      </dl>
    </>
  );
}

/** "Check environment": which training backends work here, and what to install for a faster one. */
export function EnvironmentDialog() {
  const environment = useTrainingStore((s) => s.environment);
  const close = useTrainingStore((s) => s.closeEnvironment);
  const refresh = useTrainingStore((s) => s.openEnvironment);
  if (!environment.open) return null;
  return (
    <TrainingModal
      title="Training environment"
      onClose={close}
      testId="environment-report"
      footer={
        <>
          <button
            type="button"
            className="btn"
            // Not `disabled`: the dialog focuses its first button on open, and a disabled one
            // would leave focus (and Escape) outside the dialog.
            aria-disabled={environment.status === 'loading'}
            onClick={() => environment.status !== 'loading' && void refresh()}
          >
            Check again
          </button>
          <button type="button" className="btn btn--accent" onClick={close}>
            Close
          </button>
        </>
      }
    >
      <div className="tr-env-dialog" aria-busy={environment.status === 'loading'}>
        {environment.status === 'loading' && !environment.value && (
          <p className="tr-muted">Checking backends…</p>
        )}
        {environment.error && (
          <p className="tr-error-line" role="alert">
            {environment.error}
          </p>
        )}
        {environment.value && <Report report={environment.value} />}
      </div>
    </TrainingModal>
  );
}
