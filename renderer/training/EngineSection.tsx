/**
 * The training form's engine: Auto / PyTorch / TensorFlow.js, with the engine the run will use and
 * why always shown — the host decides (it probes Python), as it does for backends.
 */
import { memo, useEffect } from 'react';
import { ENGINE_OPTIONS, engineVerdict } from './engineChoice.ts';
import { useEngineStore } from './useEngineStore.ts';

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
    </fieldset>
  );
});
