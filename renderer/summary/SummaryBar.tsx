/**
 * The status bar under the canvas: totals of the whole network and a training-memory estimate at
 * the training form's batch size and optimizer (breakdown on hover). Its two menus set the form's
 * fields: one setting, whichever place the user changes it in.
 */
import { formatBytes, formatInt, formatMacs } from '../graph/format.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import type { OptimizerName } from '../../main/training/types.ts';
import { memoryAssumptions } from '../training/options.ts';
import { useTrainingStore } from '../training/useTrainingStore.ts';
import { estimateTrainingMemory } from '../../main/network/trainingMemory.ts';
import { frozenParams } from '../../main/network/frozen.ts';
import { useDocStore } from '../state/docStore.ts';
import './summary.css';

const BATCHES = [1, 8, 16, 32, 64, 128, 256];

/** The menu's sizes, with the form's own batch size in order when it is not one of them. */
function batchChoices(current: number): number[] {
  return BATCHES.includes(current) ? BATCHES : [...BATCHES, current].sort((a, b) => a - b);
}

export function SummaryBar() {
  const analysis = useAnalysisStore((s) => s.analysis);
  const batchSize = useTrainingStore((s) => memoryAssumptions(s.form).batchSize);
  const optimizer = useTrainingStore((s) => s.form.optimizer);
  const pending = useAnalysisStore((s) => s.pending);
  const t = analysis?.totals;
  const doc = useDocStore((s) => s.doc);
  const frozen = analysis ? frozenParams(doc, analysis) : 0;
  const errors = analysis?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const mem = t ? estimateTrainingMemory(t, batchSize, optimizer) : null;
  const breakdown = mem
    ? [
        `Weights: ${formatBytes(mem.weights)}`,
        `Gradients: ${formatBytes(mem.gradients)}`,
        `Optimizer state (${optimizer === 'adam' ? 'Adam, 2 moments' : 'SGD momentum'}): ${formatBytes(mem.optimizer)}`,
        `Activations kept for training × batch ${batchSize}: ${formatBytes(mem.activations)}`,
        ...(t && (t.trainingActivationBytes ?? 0) > t.activationBytes
          ? [
              `  (${formatBytes(t.trainingActivationBytes ?? 0)} per example, including the layers inside blocks)`,
            ]
          : []),
        'A lower bound: frameworks add workspace memory.',
      ].join('\n')
    : undefined;

  return (
    <footer className="summary-bar" aria-label="Network totals" aria-busy={pending}>
      <span className={`summary-bar__status ${!analysis ? '' : errors > 0 ? 'is-error' : 'is-ok'}`}>
        {!analysis ? 'Checking…' : errors > 0 ? `${errors} error${errors > 1 ? 's' : ''}` : 'Valid'}
      </span>
      <Stat
        label="Trainable params"
        testId="total-trainable-params"
        value={t ? formatInt(t.trainableParams) : '—'}
      />
      {t && frozen > 0 && (
        <Stat
          label="Frozen"
          testId="total-frozen-params"
          value={formatInt(frozen)}
          title={`Parameters of frozen layers: kept as they are while the other ${formatInt(t.trainableParams - frozen)} train`}
        />
      )}
      <Stat
        label="Non-trainable"
        testId="total-nontrainable-params"
        value={t ? formatInt(t.nonTrainableParams) : '—'}
      />
      <Stat
        label="MACs"
        testId="total-macs"
        value={t ? formatMacs(t.macs) : '—'}
        title={t ? `${formatInt(t.macs)} multiply-accumulates per example` : undefined}
      />
      <Stat
        label="Activations"
        testId="total-activations"
        value={t ? formatBytes(t.activationBytes) : '—'}
        title="float32 outputs of every layer for one example"
      />
      <span className="summary-bar__mem">
        <Stat
          label="Training memory"
          testId="training-memory"
          value={mem ? `≈ ${formatBytes(mem.total)}` : '—'}
          title={breakdown}
        />
        <label className="summary-bar__select">
          <span>batch</span>
          <select
            aria-label="Batch size for the memory estimate"
            value={batchSize}
            onChange={(e) => useTrainingStore.getState().setOption('batchSize', e.target.value)}
          >
            {batchChoices(batchSize).map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label className="summary-bar__select">
          <span>with</span>
          <select
            aria-label="Optimizer for the memory estimate"
            value={optimizer}
            onChange={(e) =>
              useTrainingStore.getState().setOption('optimizer', e.target.value as OptimizerName)
            }
          >
            <option value="adam">Adam</option>
            <option value="sgd">SGD</option>
          </select>
        </label>
      </span>
    </footer>
  );
}

function Stat({
  label,
  value,
  testId,
  title,
}: {
  label: string;
  value: string;
  testId: string;
  title?: string;
}) {
  return (
    <span className="stat" title={title}>
      <span className="stat__label">{label}</span>
      <span className="stat__value" data-testid={testId}>
        {value}
      </span>
    </span>
  );
}
