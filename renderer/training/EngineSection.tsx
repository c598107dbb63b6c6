/**
 * The training form's engine: Auto / PyTorch / TensorFlow.js, with the engine the run will use and
 * why always shown — the host decides (it probes Python), as it does for backends. When the run
 * trains on PyTorch, its Device (Auto or a device torch found) and Processes (DDP, one run).
 */
import { memo, useEffect } from 'react';
import {
  ENGINE_OPTIONS,
  deviceOptions,
  engineSettings,
  engineVerdict,
  type DeviceChoice,
} from './engineChoice.ts';
import { useEngineStore } from './useEngineStore.ts';

/** Device and Processes of a PyTorch run, checked as `netd train --device/--nproc` checks them. */
function TorchFields({ disabled }: { disabled: boolean }) {
  const device = useEngineStore((s) => s.device);
  const nproc = useEngineStore((s) => s.nproc);
  const setDevice = useEngineStore((s) => s.setDevice);
  const setNproc = useEngineStore((s) => s.setNproc);
  const choice = useEngineStore((s) => s.choice);
  const report = useEngineStore((s) => s.report);
  const probeError = useEngineStore((s) => s.probeError);
  // Computed here from the store's fields: a selector returning a fresh object would re-render
  // without end.
  const settings = engineSettings({ choice, report, probeError, device, nproc });
  const torch = settings.torch;
  if (!torch) return null;
  const nprocError = settings.problem?.field === 'nproc' ? settings.problem.message : null;
  const deviceError = settings.problem?.field === 'device' ? settings.problem.message : null;
  const most = settings.maxProcesses;
  const backend = settings.device === 'cuda' ? 'nccl' : 'gloo';
  const processHint =
    most <= 1
      ? 'One process on this device'
      : `1 to ${most} on ${settings.device === 'cuda' ? 'these GPUs (one each)' : 'the CPU'}, as netd train --nproc`;
  const ddp = settings.problem === null ? (settings.request.nproc ?? 1) : 1;
  return (
    <div className="tr-grid tr-engine-fields">
      <div className={`tr-field${deviceError ? ' tr-field-invalid' : ''}`}>
        <label htmlFor="tr-engine-device">Device</label>
        <select
          id="tr-engine-device"
          value={device}
          disabled={disabled}
          aria-invalid={deviceError ? true : undefined}
          aria-describedby={deviceError ? 'tr-engine-device-error' : undefined}
          onChange={(e) => setDevice(e.target.value as DeviceChoice)}
        >
          {deviceOptions(torch).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {deviceError && (
          <span id="tr-engine-device-error" className="tr-field-error">
            {deviceError}
          </span>
        )}
      </div>
      <div className={`tr-field${nprocError ? ' tr-field-invalid' : ''}`}>
        <label htmlFor="tr-engine-nproc" title={processHint}>
          Processes
        </label>
        <input
          id="tr-engine-nproc"
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.max(1, most)}
          step={1}
          value={nproc}
          disabled={disabled}
          aria-invalid={nprocError ? true : undefined}
          aria-describedby={nprocError ? 'tr-engine-nproc-error' : undefined}
          onChange={(e) => setNproc(e.target.value)}
        />
        {nprocError && (
          <span id="tr-engine-nproc-error" className="tr-field-error">
            {nprocError}
          </span>
        )}
      </div>
      {ddp > 1 && (
        <p className="tr-note tr-engine-ddp">
          {ddp} processes train one run together (DistributedDataParallel, {backend}): one entry in
          the history, one set of curves.
        </p>
      )}
    </div>
  );
}

export const EngineSection = memo(function EngineSection({ disabled }: { disabled: boolean }) {
  const choice = useEngineStore((s) => s.choice);
  const report = useEngineStore((s) => s.report);
  const probeError = useEngineStore((s) => s.probeError);
  const setChoice = useEngineStore((s) => s.setChoice);
  const probe = useEngineStore((s) => s.probe);
  useEffect(() => {
    void probe();
  }, [probe]);
  const verdict = engineVerdict(choice, report, probeError);
  return (
    <fieldset className="tr-section" data-testid="engine-section">
      <legend>Engine</legend>
      <div className="tr-radio-group" role="radiogroup" aria-label="Training engine">
        {ENGINE_OPTIONS.map(([value, label]) => (
          <label key={value} className="tr-radio">
            <input
              type="radio"
              name="tr-engine"
              value={value}
              checked={choice === value}
              disabled={disabled}
              onChange={() => setChoice(value)}
            />
            {label}
          </label>
        ))}
      </div>
      <div role="status" data-testid="engine-verdict">
        {verdict.kind === 'checking' && <p className="tr-note">Checking for PyTorch…</p>}
        {verdict.kind === 'ok' && (
          <p className="tr-note">
            Trains on <strong>{verdict.label}</strong> — {verdict.reason}
          </p>
        )}
        {verdict.kind === 'unavailable' && (
          <div className="tr-mismatch">
            <strong>PyTorch cannot run here.</strong>
            <p>{verdict.reason}</p>
            {verdict.remedy && <p className="tr-muted">To use it: {verdict.remedy}</p>}
          </div>
        )}
      </div>
      <TorchFields disabled={disabled} />
    </fieldset>
  );
});
