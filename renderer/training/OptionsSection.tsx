import { memo, type ReactNode } from 'react';
import type { OptionsField, OptionsForm } from './options.ts';
import { useTrainingStore } from './useTrainingStore.ts';

type TextField = { [K in OptionsField]: OptionsForm[K] extends string ? K : never }[OptionsField];

interface FieldProps {
  field: TextField;
  label: string;
  hint?: string;
  errors: Partial<Record<OptionsField, string>>;
  disabled: boolean;
  step?: string;
}

function NumberField({ field, label, hint, errors, disabled, step }: FieldProps) {
  const value = useTrainingStore((s) => s.form[field]);
  const setOption = useTrainingStore((s) => s.setOption);
  const id = `tr-opt-${field}`;
  const error = errors[field];
  return (
    <div className={`tr-field${error ? ' tr-field-invalid' : ''}`}>
      <label htmlFor={id} title={hint}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={step ?? 'any'}
        value={value as string}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setOption(field, e.target.value)}
      />
      {error && (
        <span id={`${id}-error`} className="tr-field-error">
          {error}
        </span>
      )}
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="tr-section">
      <legend>{title}</legend>
      <div className="tr-grid">{children}</div>
    </fieldset>
  );
}

/** Optimizer, schedule, run length, regularisation and data subset; every control labelled. */
export const OptionsSection = memo(function OptionsSection({
  errors,
  disabled,
}: {
  errors: Partial<Record<OptionsField, string>>;
  disabled: boolean;
}) {
  const form = useTrainingStore((s) => s.form);
  const setOption = useTrainingStore((s) => s.setOption);
  const resetOptions = useTrainingStore((s) => s.resetOptions);
  const common = { errors, disabled };
  return (
    <>
      <Group title="Optimizer">
        <div className="tr-field">
          <label htmlFor="tr-opt-optimizer">Optimizer</label>
          <select
            id="tr-opt-optimizer"
            value={form.optimizer}
            disabled={disabled}
            onChange={(e) => setOption('optimizer', e.target.value as OptionsForm['optimizer'])}
          >
            <option value="adam">Adam</option>
            <option value="sgd">SGD + momentum</option>
          </select>
        </div>
        <NumberField field="learningRate" label="Learning rate" step="0.0001" {...common} />
        {form.optimizer === 'sgd' && (
          <NumberField field="momentum" label="Momentum" step="0.05" {...common} />
        )}
        <div className="tr-field">
          <label htmlFor="tr-opt-schedule">Schedule</label>
          <select
            id="tr-opt-schedule"
            value={form.schedule}
            disabled={disabled}
            onChange={(e) => setOption('schedule', e.target.value as OptionsForm['schedule'])}
          >
            <option value="constant">Constant</option>
            <option value="step">Step decay</option>
            <option value="cosine">Cosine</option>
          </select>
        </div>
        {form.schedule === 'step' && (
          <>
            <NumberField field="stepEvery" label="Every (epochs)" step="1" {...common} />
            <NumberField field="stepGamma" label="Multiply by" step="0.1" {...common} />
          </>
        )}
      </Group>
      <Group title="Run">
        <NumberField field="epochs" label="Epochs" step="1" {...common} />
        <NumberField field="batchSize" label="Batch size" step="1" {...common} />
        <NumberField
          field="validationSplit"
          label="Validation split"
          hint="Share of the training examples held out to validate each epoch"
          step="0.05"
          {...common}
        />
        <NumberField
          field="seed"
          label="Seed"
          hint="Same seed, same shuffles, splits and initial weights"
          step="1"
          {...common}
        />
        <NumberField
          field="limit"
          label="Train limit"
          hint="Use at most this many training examples (0 = all)"
          step="100"
          {...common}
        />
        <NumberField
          field="testLimit"
          label="Test limit"
          hint="Use at most this many test examples (0 = all)"
          step="100"
          {...common}
        />
      </Group>
      <Group title="Regularisation">
        <NumberField
          field="earlyStoppingPatience"
          label="Early stop after"
          hint="Stop after this many epochs without validation improvement (0 = never)"
          step="1"
          {...common}
        />
        <div className="tr-field tr-check">
          <input
            id="tr-opt-keepBest"
            type="checkbox"
            checked={form.keepBest}
            disabled={disabled}
            onChange={(e) => setOption('keepBest', e.target.checked)}
          />
          <label
            htmlFor="tr-opt-keepBest"
            title="Save the weights of the epoch with the best validation accuracy"
          >
            Keep best epoch
          </label>
        </div>
        <div className="tr-field tr-check">
          <input
            id="tr-opt-flip"
            type="checkbox"
            checked={form.flip}
            disabled={disabled}
            onChange={(e) => setOption('flip', e.target.checked)}
          />
          <label htmlFor="tr-opt-flip">Random horizontal flip</label>
        </div>
        <NumberField
          field="shift"
          label="Random shift"
          hint="Largest random shift as a share of the image size (0 = off, up to 0.5)"
          step="0.05"
          {...common}
        />
      </Group>
      <div className="tr-form-foot">
        <button
          type="button"
          className="tr-button tr-button-quiet"
          onClick={resetOptions}
          disabled={disabled}
        >
          Reset options
        </button>
      </div>
    </>
  );
});
