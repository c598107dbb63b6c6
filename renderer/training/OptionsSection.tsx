import { memo } from 'react';
import { CheckField, Group, NumberField, SelectField } from './OptionFields.tsx';
import type { OptionsField } from './options.ts';
import { useTrainingStore } from './useTrainingStore.ts';

/** Optimizer, schedule, run length, regularisation and data subset; every control labelled. */
export const OptionsSection = memo(function OptionsSection({
  errors,
  disabled,
}: {
  errors: Partial<Record<OptionsField, string>>;
  disabled: boolean;
}) {
  const optimizer = useTrainingStore((s) => s.form.optimizer);
  const schedule = useTrainingStore((s) => s.form.schedule);
  const resetOptions = useTrainingStore((s) => s.resetOptions);
  const common = { errors, disabled };
  return (
    <>
      <Group title="Optimizer">
        <SelectField
          field="optimizer"
          label="Optimizer"
          choices={[
            ['adam', 'Adam'],
            ['sgd', 'SGD + momentum'],
          ]}
          disabled={disabled}
        />
        <NumberField field="learningRate" label="Learning rate" step="0.0001" {...common} />
        {optimizer === 'sgd' && (
          <NumberField field="momentum" label="Momentum" step="0.05" {...common} />
        )}
        <SelectField
          field="schedule"
          label="Schedule"
          choices={[
            ['constant', 'Constant'],
            ['step', 'Step decay'],
            ['cosine', 'Cosine'],
          ]}
          disabled={disabled}
        />
        {schedule === 'step' && (
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
        <CheckField
          field="keepBest"
          label="Keep best epoch"
          hint="Save the weights of the epoch with the best validation accuracy"
          disabled={disabled}
        />
        <CheckField field="flip" label="Random horizontal flip" disabled={disabled} />
        <NumberField
          field="shift"
          label="Random shift"
          hint="Largest random shift as a share of the image size (0 = off, up to 0.5)"
          step="0.05"
          {...common}
        />
      </Group>
      <div className="tr-form-foot">
        <button type="button" className="btn btn--quiet" onClick={resetOptions} disabled={disabled}>
          Reset options
        </button>
      </div>
    </>
  );
});
