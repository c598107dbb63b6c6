/**
 * What training starts from: the design's weights (its sidecar — imported, or taken from a run by
 * *Continue from this run*) unless the user asks for a fresh start. Shown only when there are
 * weights to start from, or when taking a run's weights failed.
 */
import { useEffect } from 'react';
import { useDocStore } from '../state/docStore.ts';
import { baseName, useFileStore } from '../state/fileStore.ts';
import { useTrainingStore } from './useTrainingStore.ts';

export function StartWeights({ disabled }: { disabled: boolean }) {
  const weights = useTrainingStore((s) => s.startWeights);
  const refresh = useTrainingStore((s) => s.refreshStartWeights);
  const setFresh = useTrainingStore((s) => s.setFreshStart);
  const path = useFileStore((s) => s.path);
  const loads = useDocStore((s) => s.loads);
  // Another file, or another design loaded: ask the host again.
  useEffect(() => {
    void refresh();
  }, [path, loads, refresh]);

  if (!weights.path && !weights.error) return null;
  return (
    <section className="tr-start-weights" aria-label="Starting weights" data-testid="start-weights">
      {weights.path && (
        <>
          <p className={weights.fresh ? 'tr-muted' : undefined}>
            {weights.fresh ? 'Fresh start — not from ' : 'Starts from weights: '}
            <code title={weights.path}>{baseName(weights.path)}</code>
            {weights.note && !weights.fresh ? ` (${weights.note})` : ''}
          </p>
          <label className="tr-radio">
            <input
              type="checkbox"
              checked={weights.fresh}
              disabled={disabled}
              onChange={(e) => setFresh(e.target.checked)}
              data-testid="fresh-start"
            />
            Fresh start (freshly initialised weights; the file stays)
          </label>
        </>
      )}
      {weights.error && (
        <p className="tr-error-line" role="alert">
          {weights.error}
        </p>
      )}
    </section>
  );
}
