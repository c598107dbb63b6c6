/** Every error and warning of the network; click one to go to its layer, or fix it in one click. */
import { useAnalysisStore } from '../state/analysisStore.ts';
import { Icon } from '../ui/Icon.tsx';
import { ProblemRow } from './ProblemRow.tsx';

export function ProblemsPanel() {
  const analysis = useAnalysisStore((s) => s.analysis);
  const hostError = useAnalysisStore((s) => s.hostError);
  const problems = analysis?.problems ?? [];
  // Errors first, then warnings, each in the engine's order.
  const sorted = [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity === 'warning'),
  ];
  return (
    <div className="problems" data-testid="problems-panel">
      {hostError && (
        <p className="problems__host-error" role="alert">
          <Icon name="error" /> Cannot reach the engine: {hostError}
        </p>
      )}
      {analysis && sorted.length === 0 && (
        <p className="panel-empty">
          <Icon name="check" /> No problems — every shape and count is known.
        </p>
      )}
      {!analysis && !hostError && <p className="panel-empty">Checking the network…</p>}
      {sorted.length > 0 && (
        <ul className="problems__list">
          {sorted.map((p, i) => (
            <ProblemRow key={`${p.code}-${p.nodeId ?? ''}-${i}`} problem={p} />
          ))}
        </ul>
      )}
    </div>
  );
}
